/**
 * Runs axe against the WCAG 2.2 AA rule set and returns one readable string
 * per failing element, so `expect(await checkA11y(page)).toEqual([])` fails
 * with a message that says what is wrong and where.
 *
 * The page must come from `browser.newContext()` + `context.newPage()`, not
 * `browser.newPage()`: axe merges its per-frame results in a second page of
 * the same context, and Playwright forbids that in newPage()'s single-page
 * context ("Please use browser.newContext()").
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

/** The screens every page is checked on: light and dark, wide and as narrow as a phone. */
export const SCREEN_VIEWS = [
  { colorScheme: "light", width: 1280 },
  { colorScheme: "dark", width: 1280 },
  { colorScheme: "light", width: 320 },
  { colorScheme: "dark", width: 320 },
] as const;

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export interface CheckA11yOptions {
  /**
   * Rule id → why it is acceptable to skip it here. The reason is mandatory
   * so every exemption is justified where it is made.
   */
  disableRules?: Record<string, string>;
}

export async function checkA11y(page: Page, options: CheckA11yOptions = {}): Promise<string[]> {
  // Misspelt rule ids need no check here: axe rejects unknown ones itself.
  const disabled = Object.entries(options.disableRules ?? {});
  for (const [rule, reason] of disabled) {
    if (reason.trim() === "") throw new Error(`checkA11y: disabling "${rule}" needs a written reason`);
  }
  // Legacy mode runs axe in the page itself instead of merging per-frame results in a second,
  // blank page: the site's pages have no frames, and each check takes a quarter less time.
  const { violations } = await new AxeBuilder({ page })
    .withTags([...WCAG_TAGS])
    .disableRules(disabled.map(([rule]) => rule))
    .setLegacyMode(true)
    .analyze();
  return violations.flatMap(formatViolation);
}

function formatViolation(violation: Violation): string[] {
  return violation.nodes.map((node) => {
    // Frames are joined with " → " and shadow roots with " >>> ".
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : part)).join(" → ");
    const html = node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html;
    // axe's summary, e.g. the measured contrast ratio, one reason per line.
    const why = (node.failureSummary ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    return [
      `${violation.id} [${violation.impact ?? "unknown impact"}] ${violation.help}`,
      `  at:   ${target}`,
      `  html: ${html}`,
      ...why.map((line, index) => `${index === 0 ? "  why:  " : "        "}${line}`),
      `  see:  ${violation.helpUrl}`,
    ].join("\n");
  });
}
