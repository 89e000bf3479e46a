/**
 * Gives garbage back to the system before a step where another process peaks: Eleventy's
 * (~500 MB at 10,000 sections) before Pagefind starts, and the pages read for indexing before
 * Pagefind writes its bundle (docs/performance.md). The first collection frees it, the second
 * gives the emptied heap back. Needs node --expose-gc, which npm run build passes; elsewhere it
 * does nothing.
 */
export function releaseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}
