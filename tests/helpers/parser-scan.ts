import { Parser } from "htmlparser2";
import { inlineCodeOf } from "../../src/checks/inline-code.ts";
import { type PageScan, URL_ATTRIBUTES } from "../../src/checks/page-scan.ts";

/**
 * What the post-build checks must find in a page, read by htmlparser2's full Parser with its
 * own entity decoding: the reference src/checks/page-scan.ts is held to.
 */
export function parserScan(html: string): PageScan {
  const scan: PageScan = { anchors: new Set(), references: [], duplicateIds: [], inline: [] };
  const lineAt = (index: number): number => html.slice(0, index).split("\n").length;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const at = lineAt(parser.startIndex);
        if (attributes.id !== undefined) {
          if (scan.anchors.has(attributes.id))
            scan.duplicateIds.push(`${at}: the id "${attributes.id}" is used more than once`);
          scan.anchors.add(attributes.id);
        }
        if (tag === "a" && attributes.name !== undefined) scan.anchors.add(attributes.name);
        const ref = URL_ATTRIBUTES[tag] === undefined ? undefined : attributes[URL_ATTRIBUTES[tag]];
        if (ref !== undefined) scan.references.push({ line: at, ref });
        for (const problem of inlineCodeOf(tag, attributes)) scan.inline.push(`${at}: ${problem}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scan;
}
