import { describe, expect, it } from "vitest";
import { type ReaderSearch, readerSearchReport, readerSearchTargets } from "../../scripts/bench/reader-search.ts";

const transfer = (gzip: number) => ({ raw: gzip * 2, gzip, brotli: gzip - 1 });
const real: ReaderSearch = {
  site: "real site",
  recall: {
    questions: 10,
    section: { at1: 1, at3: 1 },
    clause: { at1: 0.9, at3: 1 },
    misses: [{ q: "police", expected: "sharing#protection-of-others", first: "terms", within3: true }],
  },
  heldOut: {
    questions: 4,
    section: { at1: 0.75, at3: 1 },
    clause: { at1: 0.5, at3: 0.75 },
    misses: [{ q: "cookie law", expected: "cookies", first: "terms", within3: false }],
  },
  question: {
    query: "q",
    said: "1 result for q",
    requests: 12,
    total: transfer(100 * 1024),
    vocabulary: transfer(2048),
  },
};
const large: ReaderSearch = {
  site: "10,000 sections",
  question: {
    query: "q",
    said: "9 results for q",
    requests: 20,
    total: transfer(301 * 1024),
    vocabulary: transfer(2048),
  },
};

describe("the targets on readers' questions", () => {
  it("judge the right clause first and in the first three, and a question's transfer on each site", () => {
    expect(readerSearchTargets([real, large])).toEqual([
      { figure: "Right clause first (10 readers' questions)", target: "≥ 90 %", measured: "90.0 %", met: true },
      { figure: "Right clause in the first three", target: "all", measured: "100.0 %", met: true },
      {
        figure: "First query as a question, real site (vocabulary included)",
        target: "≤ 120 KB",
        measured: "100 KB gzip, of which the vocabulary 2.0 KB",
        met: true,
      },
      {
        figure: "First query as a question, 10,000 sections (vocabulary included)",
        target: "≤ 300 KB",
        measured: "301 KB gzip, of which the vocabulary 2.0 KB",
        met: false,
      },
    ]);
  });

  it("are missed when a question's clause is not in the first three", () => {
    const short = { ...real, recall: { ...real.recall!, clause: { at1: 0.95, at3: 0.99 } } };
    expect(readerSearchTargets([short])[1]).toMatchObject({ measured: "99.0 %", met: false });
    expect(readerSearchTargets([])).toEqual([]);
  });
});

describe("the report on readers' questions", () => {
  it("gives recall on both sets, each question not answered first, and each site's question transfer", () => {
    const report = readerSearchReport([real, large]);
    expect(report).toContain(
      "| 10 questions, tuned on: right clause (anywhere in the section for a question about all of it) | 90.0 % | 100.0 % |",
    );
    expect(report).toContain("| 4 held-out questions, never tuned on: right section | 75.0 % | 100.0 % |");
    expect(report).toContain("| police | tuned on | sharing#protection-of-others | terms | yes |");
    expect(report).toContain("| cookie law | held out | cookies | terms | **no** |");
    expect(report).toContain(
      "| 10,000 sections: “q” (9 results for q) | 20 | 602 KB / 301 KB / 301 KB | 4.0 KB / 2.0 KB |",
    );
  });
});
