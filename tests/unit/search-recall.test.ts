import { describe, expect, it } from "vitest";
import {
  type Answer,
  answers,
  foundWithin,
  landingOf,
  type ReaderQuestion,
  readQuestions,
  recallOf,
} from "../../scripts/bench/search-recall.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { realContentDir } from "../helpers/site.ts";

const question = (section: string, clause: string | null, alsoAccept: ReaderQuestion["alsoAccept"] = []) => ({
  q: "a question",
  kind: [],
  section,
  clause,
  alsoAccept,
});

describe("the questions readers ask", () => {
  const questions = [...readQuestions(), ...readQuestions(undefined, "heldOut")];
  const policy = loadPolicy(realContentDir);

  it("are at least sixty tuned on, and more held out, each a question with an answer", () => {
    expect(readQuestions().length).toBeGreaterThanOrEqual(60);
    expect(readQuestions(undefined, "heldOut").length).toBeGreaterThan(0);
    for (const { q } of questions) expect(q.trim()).not.toBe("");
    expect(new Set(questions.map((q) => q.q)).size).toBe(questions.length);
  });

  it("name sections and clauses the policy has", () => {
    const places = new Set(policy.sections.flatMap((s) => [`${s.id}#`, ...s.clauses.map((c) => `${s.id}#${c.id}`)]));
    const named = questions.flatMap((q) => [q, ...q.alsoAccept]).map((p) => `${p.section}#${p.clause ?? ""}`);
    expect(named.filter((place) => !places.has(place))).toEqual([]);
  });
});

describe("where a result lands", () => {
  it("is read from its address, under any path prefix", () => {
    expect(landingOf("/sharing/?highlight=sold#business-transfers")).toEqual({
      section: "sharing",
      clause: "business-transfers",
    });
    expect(landingOf("/privacy/cookies/?highlight=cookies", "/privacy/")).toEqual({ section: "cookies", clause: null });
  });

  it("answers a question in the right clause, anywhere in a section the question names whole, or where else it accepts", () => {
    const asked = question("sharing", "business-transfers", [{ section: "choices", clause: null }]);
    expect(answers(asked, { section: "sharing", clause: "business-transfers" })).toBe(true);
    expect(answers(asked, { section: "sharing", clause: null })).toBe(false);
    expect(answers(asked, { section: "sharing", clause: "with-your-consent" })).toBe(false);
    expect(answers(asked, { section: "choices", clause: null })).toBe(true);
    expect(answers(question("cookies", null), { section: "cookies", clause: null })).toBe(true);
  });
});

describe("recall", () => {
  const answer = (asked: ReaderQuestion, sections: string[], landings: Answer["landings"]): Answer => ({
    question: asked,
    sections,
    landings,
  });
  const right = answer(
    question("sharing", "business-transfers"),
    ["sharing"],
    [{ section: "sharing", clause: "business-transfers" }],
  );
  const third = answer(
    question("sharing", "police"),
    ["security", "sharing"],
    [
      { section: "security", clause: null },
      { section: "sharing", clause: "business-transfers" },
      { section: "sharing", clause: "police" },
    ],
  );
  const lost = answer(question("terms", null), ["cookies"], [{ section: "cookies", clause: null }]);

  it("counts a question found first, or in the first three results or landings", () => {
    expect(foundWithin(third, "clause", 1)).toBe(false);
    expect(foundWithin(third, "clause", 3)).toBe(true);
    expect(foundWithin(third, "section", 1)).toBe(false);
    expect(foundWithin(third, "section", 3)).toBe(true);
  });

  it("is the share of questions found, with each miss and where the reader lands instead", () => {
    const recall = recallOf([right, third, lost]);
    expect(recall.questions).toBe(3);
    expect(recall.clause).toEqual({ at1: 1 / 3, at3: 2 / 3 });
    expect(recall.section).toEqual({ at1: 1 / 3, at3: 2 / 3 });
    expect(recall.misses).toEqual([
      { q: "a question", expected: "sharing#police", first: "security", within3: true },
      { q: "a question", expected: "terms", first: "cookies", within3: false },
    ]);
  });
});
