import type { BuildFailure, FailureLine } from "./build-failure.ts";

/** What the error page links to and declares; the dev server serves both files itself. */
export interface ErrorPageLinks {
  /** The same Content-Security-Policy as the site's own pages carry in their `<meta>`. */
  csp: string;
  stylesheet: string;
  reloadScript: string;
  /** The output folder as the editor knows it ("dist"), which a failed build left as it was. */
  outDir: string;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** One problem as the terminal shows it: `where: problem`, then `→ fix` (the arrow read out as "Fix:"). */
function problemItem({ where, problem, fix }: FailureLine): string {
  const head = where ? `<code>${escapeHtml(where)}</code>: ${escapeHtml(problem)}` : escapeHtml(problem);
  const tail = fix
    ? `\n      <p class="fix"><span aria-hidden="true">→ </span><span class="visually-hidden">Fix: </span>${escapeHtml(fix)}</p>`
    : "";
  return `    <li>\n      <p>${head}</p>${tail}\n    </li>`;
}

function body(failure: BuildFailure, outDir: string): string[] {
  const lead = failure.unexpected
    ? "The build stopped with an error that is not a mistake in the content; the terminal running <code>npm start</code> shows all of it."
    : `${escapeHtml(failure.summary)}. Fix ${failure.lines.length === 1 ? "it" : "them"} and save: this page reloads by itself, and the site is back as soon as the content is right.`;
  return [
    "  <h1>The site could not be built</h1>",
    `  <p>${lead}</p>`,
    ...(failure.lines.length ? ['  <ol class="problems">', ...failure.lines.map(problemItem), "  </ol>"] : []),
    ...(failure.more ? [`  <p>${escapeHtml(failure.more)}</p>`] : []),
    ...(failure.details ? [`  <pre>${escapeHtml(failure.details)}</pre>`] : []),
    `  <p class="note">Every page shows this until a build succeeds. Nothing was written: the last good site is still in <code>${escapeHtml(outDir)}</code>.</p>`,
  ];
}

/**
 * The page `npm start` serves in place of every page while the content has a mistake: the build's
 * own `file:line: problem → fix` lines, all of them, under the site's strict CSP. It loads only
 * same-origin files: its stylesheet and the live-reload script that brings the site back once the
 * file is fixed.
 */
export function renderBuildErrorPage(failure: BuildFailure, links: ErrorPageLinks): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '  <meta charset="utf-8">',
    `  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(links.csp)}">`,
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    '  <meta name="color-scheme" content="light dark">',
    '  <meta name="robots" content="noindex">',
    `  <title>Build failed: ${escapeHtml(failure.summary)}</title>`,
    `  <link rel="stylesheet" href="${escapeHtml(links.stylesheet)}">`,
    `  <script type="module" src="${escapeHtml(links.reloadScript)}"></script>`,
    "</head>",
    "<body>",
    "<main>",
    ...body(failure, links.outDir),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
