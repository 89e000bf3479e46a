import type { Browser } from "playwright-core";
import { recordFetches } from "./record.ts";
import { addTransfer, noTransfer, type Fetched, type Transfer } from "./transfer.ts";

export interface PageCost {
  label: string;
  sitePath: string;
  requests: number;
  html: Transfer;
  css: Transfer;
  js: Transfer;
  /** Everything else fetched while loading (icons). */
  other: Transfer;
  /** HTML + CSS + JS: what the issue counts as the first render. */
  firstRender: Transfer;
  /** The main text is the same with JavaScript off: reading needs no JS. */
  readableWithoutJs: boolean;
}

/** Splits what a page fetched by what the browser does with it: HTML, stylesheets, scripts, the rest. */
export function splitByType(fetched: readonly Fetched[]): Record<"html" | "css" | "js" | "other", Transfer> {
  const parts = { html: noTransfer(), css: noTransfer(), js: noTransfer(), other: noTransfer() };
  for (const file of fetched) {
    const type = file.kind === "html" ? "html" : file.pathname.endsWith(".css") ? "css" : file.pathname.endsWith(".js") ? "js" : "other";
    parts[type] = addTransfer(parts[type], file.transfer);
  }
  return parts;
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
export async function measurePage(browser: Browser, origin: string, label: string, sitePath: string): Promise<PageCost> {
  const context = await browser.newContext();
  const recorder = recordFetches(context);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${sitePath}`, { waitUntil: "networkidle" });
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
    firstRender: addTransfer(html, addTransfer(css, js)),
    readableWithoutJs: withJs === withoutJs,
  };
}
