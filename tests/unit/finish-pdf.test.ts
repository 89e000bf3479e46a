import { createHash } from "node:crypto";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { addDocumentInfo, countPages, finishPdf, pdfText, pinDates } from "../../src/pdf/finish-pdf.ts";

/** A two-page PDF laid out as Chromium writes one: classic cross-reference table, Info first. */
function chromiumLikePdf(stamp = "D:20261130093836+05'30'"): Buffer {
  const objects = [
    `<< /CreationDate (${stamp}) /Creator (Chromium) /ModDate (${stamp}) /Producer (Skia/PDF m147) /Title <FEFF0054> >>`,
    "<< /Lang (en) /Pages 3 0 R /Type /Catalog /Outlines 6 0 R >>",
    "<< /Count 2 /Kids [4 0 R 5 0 R] /Type /Pages >>",
    "<< /MediaBox [0 0 595 842] /Parent 3 0 R /Type /Page >>",
    "<< /MediaBox [0 0 595 842] /Parent 3 0 R /Type /Page >>",
    "<< /Type /Outlines /First 7 0 R /Last 8 0 R /Count 2 >>",
    // Chromium's bookmark for a heading that wrapped after "We": the space is lost.
    "<</Title (1 What Do WeGather?)\n/Dest [4 0 R /XYZ 0 800 0]\n/Parent 6 0 R\n/Next 8 0 R>>",
    "<</Title (1.a Given \\(by you\\))\n/Dest [5 0 R /XYZ 0 800 0]\n/Parent 6 0 R\n/Prev 7 0 R>>",
  ];
  let text = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  text += `trailer\n<< /Info 1 0 R /Root 2 0 R /Size ${objects.length + 1} >>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, "latin1");
}

async function readInfo(pdf: Buffer) {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  return { pages: document.numPages, info, fingerprint: document.fingerprints[0] };
}

const facts = { author: "audioMIDI.com", subject: "Who we share with – and why", date: "2014-04-08" };
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("finishing Chromium's PDF", () => {
  it("puts the policy's date in place of the build's, moving no byte", () => {
    const raw = chromiumLikePdf();
    const pinned = pinDates(raw, "2014-04-08");
    expect(pinned.length).toBe(raw.length);
    expect(pinned.toString("latin1")).toContain("/CreationDate (D:20140408000000+00'00')");
    expect(pinned.toString("latin1")).toContain("/ModDate (D:20140408000000+00'00')");
    expect(() => pinDates(Buffer.from("%PDF-1.4\n"), "2014-04-08")).toThrow(/two document dates/);
  });

  it("adds author and subject that readers see, keeping the title and pages", async () => {
    const { pages, info } = await readInfo(finishPdf(chromiumLikePdf(), facts));
    expect(pages).toBe(2);
    expect(info).toMatchObject({
      Title: "T",
      Author: "audioMIDI.com",
      Subject: "Who we share with – and why",
      CreationDate: "D:20140408000000+00'00'",
      ModDate: "D:20140408000000+00'00'",
    });
  });

  it("gives the same bytes for the same content, whenever and wherever it was printed", () => {
    const early = finishPdf(chromiumLikePdf("D:20261130093836+05'30'"), facts);
    const late = finishPdf(chromiumLikePdf("D:20270101235959-08'00'"), facts);
    expect(sha(early)).toBe(sha(late));
    expect(sha(finishPdf(chromiumLikePdf(), { ...facts, author: "Someone else" }))).not.toBe(sha(early));
  });

  it("replaces an author already there rather than writing two", () => {
    const once = addDocumentInfo(pinDates(chromiumLikePdf(), "2014-04-08"), facts);
    const twice = addDocumentInfo(once, { ...facts, author: "Another" }).toString("latin1");
    const lastInfo = twice.slice(twice.lastIndexOf("1 0 obj"));
    expect(lastInfo.match(/\/Author/g)).toHaveLength(1);
  });

  it("gives bookmarks of wrapped headings their spaces back, leaving the others as they were", async () => {
    const headings = ["1 What Do We Gather?", "1.a Given (by you)", "Elsewhere"];
    const pdf = finishPdf(chromiumLikePdf(), { ...facts, headings });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(((await document.getOutline()) ?? []).map((item) => item.title)).toEqual([
      "1 What Do We Gather?",
      "1.a Given (by you)",
    ]);
    const update = pdf.subarray(chromiumLikePdf().length).toString("latin1");
    expect(update).toMatch(/\n7 0 obj\n/);
    expect(update).not.toMatch(/\n8 0 obj\n/);
  });

  it("counts pages and writes text any reader decodes", () => {
    expect(countPages(chromiumLikePdf())).toBe(2);
    expect(pdfText("Aé")).toBe("<FEFF004100E9>");
  });
});
