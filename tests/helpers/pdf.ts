import { extractText, getDocumentProxy } from "unpdf";

/** The text of each page of a PDF, whitespace collapsed. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}
