import type { Token } from "markdown-it";
import type { Add } from "./rich-text-scan.ts";

/** Attributes markdown-it itself puts on a token; anything else came from a `{…}` the renderer drops. */
const NATIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  link_open: ["href", "title"],
  image: ["src", "alt", "title"],
  ordered_list_open: ["start"],
  th_open: ["style"],
  td_open: ["style"],
};

/** A `{…}` attribute other than a heading's id would be dropped by the renderer: refused, with its line. */
export function checkAttributes(token: Token, line: number, add: Add): void {
  for (const [name, value] of token.attrs ?? []) {
    if (name === "id" || NATIVE_ATTRIBUTES[token.type]?.includes(name)) continue;
    const written = name === "class" ? `.${value}` : value === "" ? name : `${name}=${value}`;
    add(
      line,
      `the attribute \`{${written}}\` is not supported`,
      "Only headings take `{#id}`; other `{…}` would be dropped. To show braces as text, escape the first one: `\\{`.",
    );
  }
}
