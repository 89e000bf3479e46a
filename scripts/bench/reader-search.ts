import type { Browser } from "playwright-core";
import { formatBytes, markdownTable } from "./format.ts";
import { recordFetches } from "./record.ts";
import { askQuestions, type Recall, readQuestions, recallOf } from "./search-recall.ts";
import type { TargetRow } from "./targets.ts";
import { type Transfer, totalsByKind } from "./transfer.ts";

/**
 * The search on readers' own words: how often the right section and clause come first, or in the
 * first three, for the questions in reader-questions.json; and what a question costs to answer
 * from an empty cache, the search page's vocabulary included.
 */
export const FIRST_QUESTION = "can I get a copy of everything you hold about me";

export interface ReaderSearch {
  site: string;
  /** Only for the real site: the questions are about its text. */
  recall?: Recall;
  /** The same for the held-out questions, never tuned on. */
  heldOut?: Recall;
  /** The search page opened with FIRST_QUESTION as its query. */
  question: { query: string; said: string; requests: number; total: Transfer; vocabulary: Transfer };
}

/** What the first question fetched: the page, its code, Pagefind's code, index and records, and the vocabulary. */
async function measureQuestion(browser: Browser, siteUrl: string): Promise<ReaderSearch["question"]> {
  const context = await browser.newContext();
  try {
    const recorder = recordFetches(context);
    const page = await context.newPage();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(FIRST_QUESTION)}`);
    await page.locator("[data-search-count]").filter({ hasText: FIRST_QUESTION }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const said = (await page.getByRole("status").innerText()).replace(/\s*\n\s*/g, " · ");
    const fetched = await recorder.take();
    const { all, requests } = totalsByKind(fetched);
    const vocabulary = totalsByKind(fetched.filter((file) => file.pathname.endsWith("/pagefind/vocabulary.json"))).all;
    return { query: FIRST_QUESTION, said, requests, total: all, vocabulary };
  } finally {
    await context.close();
  }
}

/** Asks every question on the real site (`withRecall`) and measures the first question's transfer. */
export async function measureReaderSearch(
  browser: Browser,
  siteUrl: string,
  site: string,
  withRecall: boolean,
): Promise<ReaderSearch> {
  const question = await measureQuestion(browser, siteUrl);
  if (!withRecall) return { site, question };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recall = recallOf(await askQuestions(page, `${siteUrl}search/`, readQuestions()));
    const heldOut = recallOf(await askQuestions(page, `${siteUrl}search/`, readQuestions(undefined, "heldOut")));
    return { site, recall, heldOut, question };
  } finally {
    await context.close();
  }
}

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** The targets of the issue the readers' questions are judged on. */
export function readerSearchTargets(searches: readonly ReaderSearch[] = []): TargetRow[] {
  const recall = searches.find((search) => search.recall)?.recall;
  const rows: TargetRow[] = recall
    ? [
        {
          figure: `Right clause first (${recall.questions} readers' questions)`,
          target: "≥ 90 %",
          measured: percent(recall.clause.at1),
          met: recall.clause.at1 >= 0.9,
        },
        {
          figure: "Right clause in the first three",
          target: "all",
          measured: percent(recall.clause.at3),
          met: recall.clause.at3 === 1,
        },
      ]
    : [];
  for (const [site, limit] of [
    ["real site", 120],
    ["10,000 sections", 300],
  ] as const) {
    const question = searches.find((search) => search.site === site)?.question;
    if (!question) continue;
    rows.push({
      figure: `First query as a question, ${site} (vocabulary included)`,
      target: `≤ ${limit} KB`,
      measured: `${formatBytes(question.total.gzip)} gzip, of which the vocabulary ${formatBytes(question.vocabulary.gzip)}`,
      met: question.total.gzip <= limit * 1024,
    });
  }
  return rows;
}

/** Recall on the questions tuned on and on the held-out ones, and each question not answered first. */
function recallTables(recall: Recall, heldOut?: Recall): string[] {
  const sets: Array<[name: string, set: string, recall: Recall]> = [
    [`${recall.questions} questions, tuned on`, "tuned on", recall],
  ];
  if (heldOut) sets.push([`${heldOut.questions} held-out questions, never tuned on`, "held out", heldOut]);
  const rows = sets.flatMap(([name, , r]) => [
    [`${name}: right section`, percent(r.section.at1), percent(r.section.at3)],
    [
      `${name}: right clause (anywhere in the section for a question about all of it)`,
      percent(r.clause.at1),
      percent(r.clause.at3),
    ],
  ]);
  const misses = sets.flatMap(([, set, r]) =>
    r.misses.map((miss) => [miss.q, set, miss.expected, miss.first, miss.within3 ? "yes" : "**no**"]),
  );
  return [
    markdownTable(["recall", "at 1", "at 3"], rows),
    ...(misses.length
      ? [markdownTable(["not answered first", "set", "answer", "first landing", "in the first three"], misses, 4)]
      : []),
  ];
}

/** The report's section on readers' questions: recall, each question not answered first, and the question's transfer. */
export function readerSearchReport(searches: readonly ReaderSearch[]): string {
  const parts: string[] = [];
  const { recall, heldOut } = searches.find((search) => search.recall) ?? {};
  if (recall) parts.push(...recallTables(recall, heldOut));
  const rows = searches.map((search) => [
    `${search.site}: “${search.question.query}” (${search.question.said})`,
    String(search.question.requests),
    `${formatBytes(search.question.total.raw)} / ${formatBytes(search.question.total.gzip)} / ${formatBytes(search.question.total.brotli)}`,
    `${formatBytes(search.question.vocabulary.raw)} / ${formatBytes(search.question.vocabulary.gzip)}`,
  ]);
  parts.push(
    markdownTable(
      ["first query, from an empty cache", "requests", "raw / gzip / brotli", "vocabulary raw / gzip"],
      rows,
    ),
  );
  return parts.join("\n\n");
}
