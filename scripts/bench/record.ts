import type { BrowserContext, Response } from "playwright-core";
import { type Fetched, resourceKind, transferOf } from "./transfer.ts";

/**
 * Records every response a browser context receives (pages and their workers), with the size of
 * its body. `take()` returns what arrived since the last call, so one context can measure steps.
 */
export function recordFetches(context: BrowserContext): { take(): Promise<Fetched[]> } {
  let pending: Array<Promise<Fetched | undefined>> = [];
  const measure = async (response: Response): Promise<Fetched | undefined> => {
    const url = new URL(response.url());
    if (!url.protocol.startsWith("http")) return undefined; // data: and blob: URLs cost no transfer
    const body = await response.body().catch(() => Buffer.alloc(0)); // a redirect has no body
    return { pathname: url.pathname, kind: resourceKind(url.pathname), transfer: transferOf(body) };
  };
  context.on("response", (response) => pending.push(measure(response)));
  return {
    take: async () => {
      const taken = pending;
      pending = [];
      return (await Promise.all(taken)).filter((fetched): fetched is Fetched => fetched !== undefined);
    },
  };
}
