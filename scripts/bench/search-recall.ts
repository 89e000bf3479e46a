import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/**
 * Recall of the search on questions readers ask (reader-questions.json beside this file): does
 * the right section, and the right clause, come first, or in the first three? The set is data:
 * written before any tuning, only ever added to.
 */
export const QUESTIONS_FILE = path.join(import.meta.dirname, "reader-questions.json");

export interface Landing {
  section: string;
  /** null: the section itself, or (in a question) any place in the section. */
  clause: string | null;
}

export interface ReaderQuestion extends Landing {
  q: string;
  kind: string[];
  /** Other places that answer the question as well. */
  alsoAccept: Landing[];
}

/**
 * The questions of one set: `questions`, on which the reader words and query handling were tuned,
 * or `heldOut`, written the same way afterwards and never tuned on.
 */
export function readQuestions(file = QUESTIONS_FILE, set: "questions" | "heldOut" = "questions"): ReaderQuestion[] {
  const questions = (JSON.parse(readFileSync(file, "utf8")) as Record<string, ReaderQuestion[]>)[set] ?? [];
  for (const [i, question] of questions.entries()) {
    if (typeof question.q !== "string" || typeof question.section !== "string" || !("clause" in question))
      throw new Error(`${file}: ${set} ${i + 1} needs "q", "section" and "clause"`);
  }
  return questions;
}

/** What a reader can land on from the results, in order: for each result, its clauses, or the section when it lists none. */
export interface Answer {
  question: ReaderQuestion;
  /** Section ids of the results, in order. */
  sections: string[];
  landings: Landing[];
}

/** The section and clause a result link lands on ("/sharing/?highlight=sold#business-transfers"), under any path prefix. */
export function landingOf(href: string, pathPrefix = "/"): Landing {
  const url = new URL(href, "https://site.invalid");
  const section = url.pathname.slice(pathPrefix.length).split("/")[0];
  return { section, clause: url.hash ? decodeURIComponent(url.hash.slice(1)) : null };
}

/** Whether a landing answers a question: the right section, and the right clause when the question names one. */
export function answers(question: ReaderQuestion, landing: Landing): boolean {
  return [question, ...question.alsoAccept].some(
    (right) => right.section === landing.section && (right.clause === null || right.clause === landing.clause),
  );
}

const sectionRight = (question: ReaderQuestion, section: string): boolean =>
  [question, ...question.alsoAccept].some((right) => right.section === section);

/** Whether the question is answered within the first `k` results (section) or landings (clause). */
export function foundWithin(answer: Answer, level: "section" | "clause", k: number): boolean {
  if (level === "section") return answer.sections.slice(0, k).some((id) => sectionRight(answer.question, id));
  return answer.landings.slice(0, k).some((landing) => answers(answer.question, landing));
}

export interface Recall {
  questions: number;
  section: { at1: number; at3: number };
  clause: { at1: number; at3: number };
  /** Questions whose right clause is not first, with where the reader lands first. */
  misses: Array<{ q: string; expected: string; first: string; within3: boolean }>;
}

const share = (list: Answer[], test: (answer: Answer) => boolean): number =>
  list.length === 0 ? 0 : list.filter(test).length / list.length;

const place = (landing: Landing | undefined): string =>
  landing ? `${landing.section}${landing.clause ? `#${landing.clause}` : ""}` : "nothing";

export function recallOf(list: Answer[]): Recall {
  return {
    questions: list.length,
    section: {
      at1: share(list, (a) => foundWithin(a, "section", 1)),
      at3: share(list, (a) => foundWithin(a, "section", 3)),
    },
    clause: {
      at1: share(list, (a) => foundWithin(a, "clause", 1)),
      at3: share(list, (a) => foundWithin(a, "clause", 3)),
    },
    misses: list
      .filter((a) => !foundWithin(a, "clause", 1))
      .map((a) => ({
        q: a.question.q,
        expected: place(a.question),
        first: place(a.landings[0]),
        within3: foundWithin(a, "clause", 3),
      })),
  };
}

/** The results the search page shows, read from its list: each result's section and what it links to. */
async function readResults(page: Page, pathPrefix: string): Promise<Omit<Answer, "question">> {
  const results = await page.locator(".search-result").evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector(".search-result__title a")?.getAttribute("href") ?? "",
      clauses: [...item.querySelectorAll(".search-result__clause > a")].map((a) => a.getAttribute("href") ?? ""),
    })),
  );
  return {
    sections: results.map((result) => landingOf(result.title, pathPrefix).section),
    landings: results.flatMap((result) =>
      (result.clauses.length ? result.clauses : [result.title]).map((href) => landingOf(href, pathPrefix)),
    ),
  };
}

/**
 * Asks each question on the search page at `searchUrl` (already open or not), as a reader types
 * it and presses Enter, and reads what comes back once the page says how many results it found.
 */
export async function askQuestions(
  page: Page,
  searchUrl: string,
  questions: readonly ReaderQuestion[],
  pathPrefix = "/",
): Promise<Answer[]> {
  await page.goto(searchUrl);
  const found: Answer[] = [];
  for (const question of questions) {
    await page.locator("#search-input").fill(question.q);
    await page.locator("#search-input").press("Enter");
    await page.waitForFunction(
      (q) => (document.querySelector("[data-search-count]")?.textContent ?? "").replace(/^.*? results? for /, "") === q,
      question.q.trim(),
    );
    found.push({ question, ...(await readResults(page, pathPrefix)) });
  }
  return found;
}
