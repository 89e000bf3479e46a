import { describe, expect, it } from "vitest";
import { decodePdfString, outlineItems } from "../../src/pdf/outline-titles.ts";

describe("bookmark titles in a PDF", () => {
  it("decode literal strings with their escapes and UTF-16 hex strings", () => {
    expect(decodePdfString("(A \\(b\\) c\\\\d\\n\\101)")).toBe("A (b) c\\d\nA");
    expect(decodePdfString("<FEFF0033002E0062002000E9201C>")).toBe("3.b é“");
  });

  it("are read from bookmark objects only, never from the document information or a stream", () => {
    const text = [
      "%PDF-1.4",
      "1 0 obj\n<</Title (Info title)\n/Creator (Chromium)>>\nendobj",
      "2 0 obj\n<< /Length 30 >>\nstream\n/Title (in a stream) /Parent 1 0 R\nendstream\nendobj",
      "3 0 obj\n<</Title (3.b Third-PartyService Providers)\n/Parent 9 0 R\n/Next 4 0 R>>\nendobj",
      "",
    ].join("\n");
    expect(outlineItems(text).map((item) => [item.number, item.title])).toEqual([
      [3, "3.b Third-PartyService Providers"],
    ]);
  });
});
