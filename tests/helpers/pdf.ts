import { extractText, getDocumentProxy } from "unpdf";

/** The text of each page of a PDF, whitespace collapsed. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

export interface OutlineEntry {
  title: string;
  children: OutlineEntry[];
}

export interface PdfReport {
  /** Each page's text, whitespace collapsed. */
  pages: string[];
  /** Width and height of each page in points. */
  sizes: Array<[number, number]>;
  outline: OutlineEntry[];
  /** The document information (Title, Author, Subject, CreationDate …) and the catalog's /Lang as Language. */
  info: Record<string, unknown>;
  /** Marked (tagged) content, as /MarkInfo says. */
  marked: boolean;
  /** How often each structure role occurs in the tag tree of all pages ("H1", "P", "Link" …). */
  roles: Record<string, number>;
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

function countRoles(node: StructNode, into: Record<string, number>): void {
  if (node.role) into[node.role] = (into[node.role] ?? 0) + 1;
  for (const child of node.children ?? []) countRoles(child, into);
}

const toOutline = (items: Array<{ title: string; items: unknown[] }>): OutlineEntry[] =>
  items.map((item) => ({
    title: item.title,
    children: toOutline(item.items as Array<{ title: string; items: unknown[] }>),
  }));

/** Reads a PDF back as a reader's software would: text, pages, bookmarks, metadata and tags. */
export async function readPdf(pdf: Uint8Array): Promise<PdfReport> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const { text } = await extractText(document, { mergePages: false });
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    const roles: Record<string, number> = {};
    const sizes: Array<[number, number]> = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      sizes.push([Math.round(page.view[2] - page.view[0]), Math.round(page.view[3] - page.view[1])]);
      const tree = (await page.getStructTree()) as StructNode | null;
      if (tree) countRoles(tree, roles);
    }
    return {
      pages: text.map((page) => page.replace(/\s+/g, " ").trim()),
      sizes,
      outline: toOutline(((await document.getOutline()) ?? []) as Array<{ title: string; items: unknown[] }>),
      info,
      marked: (await document.getMarkInfo())?.Marked === true,
      roles,
    };
  } finally {
    await document.destroy();
  }
}

/** Outline titles, depth first, indented by level: easy to compare and to read in a failure. */
export const outlineLines = (entries: OutlineEntry[], depth = 0): string[] =>
  entries.flatMap((e) => [`${"  ".repeat(depth)}${e.title}`, ...outlineLines(e.children, depth + 1)]);
