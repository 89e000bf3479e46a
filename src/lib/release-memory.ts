/** Below this much live heap there is little to give back, and a full collection costs more than it saves. */
const WORTH_RELEASING_BYTES = 64 * 1024 * 1024;

/**
 * Gives garbage back to the system before a step where another process peaks: Eleventy's
 * (~500 MB at 10,000 sections) before Pagefind starts, and the pages read for indexing before
 * Pagefind writes its bundle (docs/performance.md). The first collection frees it, the second
 * gives the emptied heap back. Needs node --expose-gc, which npm run build passes; elsewhere it
 * does nothing, as it does for a small policy (four forced collections were a tenth of the
 * real policy's build).
 */
export function releaseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || process.memoryUsage().heapUsed < WORTH_RELEASING_BYTES) return;
  gc();
  gc();
}
