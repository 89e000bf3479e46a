/**
 * A reference whose meaning needs no URL parser: `#id`, or a root-relative path (`/a/b.css`,
 * `/cookies/#clause`) of letters, digits, `-`, `_` and inner dots, no segment starting with a dot.
 * Parsed as a URL, such a reference keeps every character, so its path and fragment are these
 * very strings; most references on a page are of this kind, and parsing each was a tenth of the checks.
 */
const SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9_.-]*";
const SIMPLE_REFERENCE = new RegExp(`^(/(?:${SEGMENT}(?:/${SEGMENT})*/?)?)?(?:#([A-Za-z0-9_-]*))?$`);

/** The path (undefined for `#id` alone) and fragment of a simple reference, as a URL parser reads them; undefined for any other. */
export function simpleReference(ref: string): { path?: string; id: string } | undefined {
  const match = ref === "" ? null : SIMPLE_REFERENCE.exec(ref);
  if (!match || (match[1] === undefined && !ref.startsWith("#"))) return undefined;
  return { path: match[1], id: match[2] ?? "" };
}
