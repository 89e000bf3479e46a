import type { Browser } from "playwright-core";
import { recordFetches } from "./record.ts";
import { addTransfer, type Fetched, noTransfer, type Transfer } from "./transfer.ts";

export interface PageCost {
  label: string;
  sitePath: string;
  requests: number;
  html: Transfer;
  css: Transfer;
  js: Transfer;
  /** Everything else fetched while loading (icons). */
  other: Transfer;
  /** HTML + CSS + JS fetched while loading. */
  htmlCssJs: Transfer;
  /** The HTML and what the browser itself marks render-blocking: what the first render waits for. */
  firstRender: Transfer;
  /** The files the browser marked render-blocking. */
  blocking: string[];
  /** The main text is the same with JavaScript off: reading needs no JS. */
  readableWithoutJs: boolean;
}

/** Splits what a page fetched by what the browser does with it: HTML, stylesheets, scripts, the rest. */
export function splitByType(fetched: readonly Fetched[]): Record<"html" | "css" | "js" | "other", Transfer> {
  const parts = { html: noTransfer(), css: noTransfer(), js: noTransfer(), other: noTransfer() };
  for (const file of fetched) {
    const type =
      file.kind === "html"
        ? "html"
        : file.pathname.endsWith(".css")
          ? "css"
          : file.pathname.endsWith(".js")
            ? "js"
            : "other";
    parts[type] = addTransfer(parts[type], file.transfer);
  }
  return parts;
}

/** The HTML plus the files the browser marked render-blocking. */
export function firstRenderOf(fetched: readonly Fetched[], blocking: readonly string[]): Transfer {
  return fetched
    .filter((file) => file.kind === "html" || blocking.includes(file.pathname))
    .reduce((sum, file) => addTransfer(sum, file.transfer), noTransfer());
}

const mainText = async (browser: Browser, url: string, javaScriptEnabled: boolean): Promise<string> => {
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return (await page.locator("main").innerText()).replace(/\s+/g, " ").trim();
  } finally {
    await context.close();
  }
};

/**
 * Loads one page with an empty cache and counts what the browser fetched until the network was
 * idle; then loads it again with JavaScript off to see whether the same text is there to read.
 */
export async function measurePage(
  browser: Browser,
  origin: string,
  label: string,
  sitePath: string,
): Promise<PageCost> {
  const context = await browser.newContext();
  const recorder = recordFetches(context);
  let blocking: string[];
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${sitePath}`, { waitUntil: "networkidle" });
    // Chromium reports whether each resource held up the first render (Resource Timing's
    // renderBlockingStatus): a stylesheet does; a module script, deferred, does not.
    blocking = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter(
          (entry) =>
            (entry as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus ===
            "blocking",
        )
        .map((entry) => new URL(entry.name).pathname),
    );
  } finally {
    await context.close();
  }
  const fetched = await recorder.take();
  const { html, css, js, other } = splitByType(fetched);
  const withJs = await mainText(browser, `${origin}${sitePath}`, true);
  const withoutJs = await mainText(browser, `${origin}${sitePath}`, false);
  return {
    label,
    sitePath,
    requests: fetched.length,
    html,
    css,
    js,
    other,
    htmlCssJs: addTransfer(html, addTransfer(css, js)),
    firstRender: firstRenderOf(fetched, blocking),
    blocking,
    readableWithoutJs: withJs === withoutJs,
  };
}
