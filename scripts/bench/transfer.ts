import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What a response costs: as served here (uncompressed), and as a host compressing with gzip or brotli would send it. */
export interface Transfer {
  raw: number;
  gzip: number;
  brotli: number;
}

export const noTransfer = (): Transfer => ({ raw: 0, gzip: 0, brotli: 0 });

/**
 * Sizes of a body raw and compressed. Pagefind's index, fragments and WebAssembly are gzip files
 * already (they start with 1f 8b), so a host sends them as they are.
 */
export function transferOf(body: Uint8Array): Transfer {
  const raw = body.byteLength;
  if (raw === 0 || (body[0] === 0x1f && body[1] === 0x8b)) return { raw, gzip: raw, brotli: raw };
  const gzip = gzipSync(body, { level: 9 }).byteLength;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  return { raw, gzip: Math.min(raw, gzip), brotli: Math.min(raw, brotli) };
}

export function addTransfer(a: Transfer, b: Transfer): Transfer {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export type ResourceKind = "html" | "css" | "js" | "search-code" | "search-index" | "search-fragment" | "other";

/** What a fetched file is, by its path: our page and assets, or one of Pagefind's parts. */
export function resourceKind(pathname: string): ResourceKind {
  if (pathname.includes("/pagefind/")) {
    if (pathname.includes("/fragment/")) return "search-fragment";
    if (/\.(js|css)$/.test(pathname) || /\/wasm\.[^/]+\.pagefind$/.test(pathname)) return "search-code";
    return "search-index";
  }
  if (pathname.endsWith("/") || pathname.endsWith(".html")) return "html";
  if (pathname.endsWith(".css")) return "css";
  if (pathname.endsWith(".js")) return "js";
  return "other";
}

export interface Fetched {
  pathname: string;
  kind: ResourceKind;
  transfer: Transfer;
}

/** Totals of a list of fetched files, by kind and overall. */
export function totalsByKind(
  fetched: readonly Fetched[],
): Record<ResourceKind | "all", Transfer> & { requests: number } {
  const totals = { all: noTransfer(), requests: fetched.length } as Record<ResourceKind | "all", Transfer> & {
    requests: number;
  };
  for (const file of fetched) {
    totals[file.kind] = addTransfer(totals[file.kind] ?? noTransfer(), file.transfer);
    totals.all = addTransfer(totals.all, file.transfer);
  }
  return totals;
}
