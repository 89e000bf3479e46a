import { createHash } from "node:crypto";
import { type PdfObject, repairedOutline } from "./outline-titles.ts";

/**
 * What Chromium's PDF lacks for a document of record, added without rewriting it: the author and
 * subject, dates that belong to the policy instead of to the build, and a document id made from
 * the content, so two builds of the same text give the same bytes. Chromium already writes the
 * title, the language, the tag tree and the bookmarks; everything it wrote stays byte for byte,
 * and the new document information follows as an incremental update, as the PDF format allows
 * (ISO 32000-1, 7.5.6).
 */

export interface PdfFacts {
  author: string;
  subject?: string;
  /** "YYYY-MM-DD": the effective date of the text, for both of the file's dates. */
  date: string;
  /** The page's headings as printed, to give wrapped bookmark titles back their spaces. */
  headings?: string[];
}

/** Chromium's document dates: "(D:20261130093836+00'00')", the time of the build. */
const CHROMIUM_DATE = /\/(CreationDate|ModDate) \(D:\d{14}[+\-Z]\d{2}'\d{2}'\)/g;

/** Puts the policy's date in place of the build's, same length, so no offset in the file moves. */
export function pinDates(pdf: Buffer, isoDate: string): Buffer {
  const stamp = `D:${isoDate.replaceAll("-", "")}000000+00'00'`;
  const text = pdf.toString("latin1");
  let found = 0;
  const pinned = text.replace(CHROMIUM_DATE, (_, key: string) => {
    found++;
    return `/${key} (${stamp})`;
  });
  if (found !== 2) throw new Error(`expected Chromium's two document dates, found ${found}`);
  return Buffer.from(pinned, "latin1");
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` dictionary each (none inside object streams). */
export function countPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** A PDF text string any reader decodes: UTF-16BE with its byte-order mark, in hex. */
export function pdfText(text: string): string {
  const utf16 = Buffer.from(text, "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

interface Trailer {
  size: number;
  root: string;
  info: number;
  startxref: number;
}

function readTrailer(text: string): Trailer {
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
  if (!size || !root || !info || !startxref) throw new Error("the PDF's trailer is not one this step can update");
  return { size: Number(size), root, info: Number(info), startxref: Number(startxref) };
}

/** The entries of object `n`'s dictionary, as written. */
function dictionaryOf(text: string, n: number): string {
  const start = text.indexOf(`\n${n} 0 obj`);
  const end = text.indexOf("endobj", start);
  const body = text.slice(text.indexOf("<<", start), end).trim();
  if (start < 0 || end < 0 || !body.endsWith(">>")) throw new Error(`the PDF has no readable object ${n}`);
  return body.slice(2, -2).trim();
}

/**
 * Appends a new version of the document information and of the bookmarks `headings` repair
 * (src/pdf/outline-titles.ts), with a cross-reference section and a trailer that carries an id
 * made from the content. `pdf` has its dates pinned already.
 */
export function addDocumentInfo(pdf: Buffer, facts: PdfFacts): Buffer {
  const text = pdf.toString("latin1");
  const trailer = readTrailer(text);
  const entries = dictionaryOf(text, trailer.info)
    .replace(/\/(Author|Subject)\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/g, "")
    .trim();
  const added = [`/Author ${pdfText(facts.author)}`, ...(facts.subject ? [`/Subject ${pdfText(facts.subject)}`] : [])];
  const objects: PdfObject[] = [
    { number: trailer.info, dictionary: `${entries} ${added.join(" ")}` },
    ...repairedOutline(text, facts.headings ?? [], pdfText),
  ].sort((a, b) => a.number - b.number);
  const id = createHash("sha256").update(pdf).update(JSON.stringify(facts)).digest("hex").slice(0, 32).toUpperCase();
  let update = text.endsWith("\n") ? "" : "\n";
  const xref: string[] = [];
  for (const object of objects) {
    xref.push(`${object.number} 1\n${String(pdf.length + update.length).padStart(10, "0")} 00000 n \n`);
    update += `${object.number} 0 obj\n<< ${object.dictionary.trim()} >>\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(update, "latin1");
  update +=
    `xref\n${xref.join("")}` +
    `trailer\n<< /Size ${trailer.size} /Root ${trailer.root} /Info ${trailer.info} 0 R /Prev ${trailer.startxref} /ID [<${id}> <${id}>] >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, "latin1")]);
}

/** Chromium's PDF, finished: the policy's dates, its author and subject, whole bookmark titles, an id from its content. */
export function finishPdf(chromiumPdf: Buffer, facts: PdfFacts): Buffer {
  return addDocumentInfo(pinDates(chromiumPdf, facts.date), facts);
}
