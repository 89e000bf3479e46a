/**
 * Two of html-validate's rules, with the same checks and messages, that find elements by id through
 * one index per page. html-validate's own versions search the whole document for every reference,
 * so a whole-policy page of 1,000 sections took minutes and one of 10,000 hours (docs/performance.md).
 * Logic follows html-validate 10.17: https://html-validate.org/rules/no-missing-references.html and
 * https://html-validate.org/rules/unique-landmark.html
 */
import { type DOMReadyEvent, DOMTokenList, DynamicValue, definePlugin, type HtmlElement, Rule } from "html-validate";

/** Every element in document order, as querySelectorAll lists them, in one pass. */
function elementsOf(document: DOMReadyEvent["document"]): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack = [...document.root.childElements].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    found.push(node);
    const children = node.childElements;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}

/** The first element with each id, as `#id` would find it. */
function idIndex(elements: readonly HtmlElement[]): Map<string, HtmlElement> {
  const index = new Map<string, HtmlElement>();
  for (const node of elements) if (node.id !== null && !index.has(node.id)) index.set(node.id, node);
  return index;
}

const ARIA_REFERENCES: ReadonlyArray<readonly [property: string, isList: boolean]> = [
  ["aria-activedescendant", false],
  ["aria-controls", true],
  ["aria-describedby", true],
  ["aria-details", false],
  ["aria-errormessage", false],
  ["aria-flowto", true],
  ["aria-labelledby", true],
  ["aria-owns", true],
];

class NoMissingReferences extends Rule<{ key: string; value: string }> {
  override documentation(context: { key: string; value: string }) {
    return {
      description: `The element ID "${context.value}" referenced by the ${context.key} attribute must point to an existing element.`,
      url: "https://html-validate.org/rules/no-missing-references.html",
    };
  }

  override setup(): void {
    this.on("dom:ready", ({ document }: DOMReadyEvent) => {
      const elements = elementsOf(document);
      const ids = idIndex(elements);
      // In html-validate's order: every label[for], every input[list], then each aria-* property.
      const references: Array<readonly [tag: string | null, attribute: string, isList: boolean]> = [
        ["label", "for", false],
        ["input", "list", false],
        ...ARIA_REFERENCES.map(([property, isList]) => [null, property, isList] as const),
      ];
      for (const [tag, attribute, isList] of references) {
        for (const node of elements.filter((it) => (tag === null || it.is(tag)) && it.hasAttribute(attribute))) {
          const attr = node.getAttribute(attribute);
          const value = attr?.value;
          // A value from a template engine (DynamicValue) cannot be checked; an empty one has nothing to check.
          if (!attr || typeof value !== "string" || value === "") continue;
          const entries = isList
            ? [...new DOMTokenList(value, attr.valueLocation).iterator()]
            : [{ item: value, location: attr.valueLocation }];
          for (const { item: id, location } of entries) {
            if (!ids.has(id))
              this.report(node, `Element references missing id "${id}"`, location ?? undefined, {
                key: attr.key,
                value: id,
              });
          }
        }
      }
    });
  }
}

const LANDMARK_ROLES = ["complementary", "contentinfo", "form", "banner", "main", "navigation", "region"];
const LANDMARK_TAGS = ["aside", "footer", "form", "header", "main", "nav", "section"];

/** What html-validate's selector `aside, footer, …, [role="region"]` matches. */
const isLandmarkCandidate = (node: HtmlElement): boolean =>
  LANDMARK_TAGS.some((tag) => node.is(tag)) || LANDMARK_ROLES.some((role) => node.getAttributeValue("role") === role);

class UniqueLandmark extends Rule {
  override documentation() {
    return {
      description:
        "When the same type of landmark is present more than once in the same document each must be uniquely identifiable with a non-empty and unique name.",
      url: "https://html-validate.org/rules/unique-landmark.html",
    };
  }

  override setup(): void {
    this.on("dom:ready", ({ document }: DOMReadyEvent) => {
      const elements = elementsOf(document);
      const ids = idIndex(elements);
      const byRole = new Map<string, HtmlElement[]>();
      for (const node of elements.filter(isLandmarkCandidate)) {
        const role = node.role;
        if (typeof role !== "string" || !LANDMARK_ROLES.includes(role)) continue;
        const group = byRole.get(role);
        if (group) group.push(node);
        else byRole.set(role, [node]);
      }
      for (const nodes of byRole.values()) {
        if (nodes.length <= 1) continue;
        const entries = nodes.map((node) => accessibleName(node, ids));
        const count = new Map<unknown, number>();
        for (const { text } of entries) count.set(text, (count.get(text) ?? 0) + 1);
        for (const entry of entries) {
          // As html-validate: a form or section without a name is no landmark at all.
          if (entry.text === null && (entry.node.is("form") || entry.node.is("section"))) continue;
          if (entry.text instanceof DynamicValue) continue;
          if (!entry.text || count.get(entry.text)! > 1) {
            this.report({
              node: entry.node,
              message: "Landmarks must have a non-empty and unique accessible name (aria-label or aria-labelledby)",
              location: entry.location,
            });
          }
        }
      }
    });
  }
}

/** aria-label, else the text of the element aria-labelledby names (the whole value taken as one id, as html-validate does). */
function accessibleName(node: HtmlElement, ids: Map<string, HtmlElement>) {
  const label = node.getAttribute("aria-label");
  if (label?.value) return { node, text: label.value, location: label.keyLocation };
  const labelledBy = node.getAttribute("aria-labelledby");
  if (labelledBy?.value) {
    const id = labelledBy.value;
    const text = id instanceof DynamicValue ? id : (ids.get(id)?.textContent ?? `#${id}`);
    return { node, text, location: labelledBy.keyLocation };
  }
  return { node, text: null, location: node.location };
}

/** Registered under "linear": its rules replace html-validate's "no-missing-references" and "unique-landmark". */
export const linearRules = definePlugin({
  name: "linear",
  rules: { "linear/no-missing-references": NoMissingReferences, "linear/unique-landmark": UniqueLandmark },
});
