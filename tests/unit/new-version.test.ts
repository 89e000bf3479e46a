import nodePath from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceSection } from "../../src/content/read-sections.ts";
import type { VersionLock } from "../../src/content/version-lock.ts";
import { MAX_CORRECTED_SENTENCES, planCorrection } from "../../src/history/corrections.ts";
import {
  checkNewVersionDate,
  checkSummary,
  lockVersion,
  parseNotes,
  planArchive,
  recordVersions,
  updateSiteJson,
  type VersionText,
} from "../../src/history/new-version.ts";
import { UsageError } from "../../src/lib/problems.ts";
import { todayUtc } from "../../src/options.ts";

const path = (p: string): string => p.split("/").join(nodePath.sep);
const context = { current: "2014-04-08", archived: ["2010-01-01"] };
const TODAY = "2024-06-30";
const section = (id: string, body: string): SourceSection => ({
  id,
  order: 1,
  title: id,
  file: `${id}.md`,
  body,
  bodyLine: 6,
});
const version = (effectiveDate: string, ...sections: SourceSection[]): VersionText => ({
  effectiveDate,
  sections,
  ids: sections.map((s) => ({
    id: s.id,
    file: s.file,
    clauseIds: [...s.body.matchAll(/\{#([a-z-]+)\}/g)].map((m) => m[1]),
    aliases: {},
  })),
});
const TEXT = "One. Two. Three. Four. Five.\n\n## Clause {#clause}\n\nSix.\n";

describe("the date of a new version", () => {
  it.each(["2014-04-09", "2024-06-30", "2014-04-08", "2027-03-01"])(
    "accepts %s, a later day announcing it ahead",
    (date) => {
      expect(() => checkNewVersionDate(date, context)).not.toThrow();
    },
  );

  it.each([
    ["2024-6-1", /--date 2024-6-1 must be a date written YYYY-MM-DD/],
    ["2024-02-30", /--date 2024-02-30 is not a calendar date/],
    ["2014-04-07", /--date 2014-04-07 is not after the current version's date, 2014-04-08/],
    ["2010-01-01", /--date 2010-01-01 is not after the current version's date/],
  ])("refuses %s as a usage error, with what to give instead", (date, problem) => {
    expect(() => checkNewVersionDate(date, context)).toThrow(UsageError);
    expect(() => checkNewVersionDate(date, context)).toThrow(problem);
  });

  it("knows today's date in UTC, whatever the clock's zone", () => {
    expect(todayUtc(new Date("2024-06-30T23:30:00-05:00"))).toBe("2024-07-01");
  });
});

describe("the summary of a new version", () => {
  it("is needed for a new date, and is one line", () => {
    expect(checkSummary("  We keep order records for seven years. ", true)).toBe(
      "We keep order records for seven years.",
    );
    expect(checkSummary(undefined, false)).toBeUndefined();
    expect(() => checkSummary(undefined, true)).toThrow(/--summary is missing/);
    expect(() => checkSummary(" ", true)).toThrow(/--summary must not be empty/);
    expect(() => checkSummary("x".repeat(201), true)).toThrow(/--summary must fit on one line/);
  });
});

describe("recording versions", () => {
  const lock: VersionLock = { versions: {} };

  it("adds the versions not yet recorded and never changes a recorded one", () => {
    const first = recordVersions(lock, [version("2014-04-08", section("a", TEXT))], TODAY);
    expect(first.recorded).toEqual(["2014-04-08"]);
    expect(first.lock.versions["2014-04-08"].sections.a.clauseIds).toEqual(["clause"]);
    const again = recordVersions(
      first.lock,
      [version("2014-04-08", section("a", "Changed.")), version("2020-01-01", section("a", TEXT))],
      TODAY,
    );
    expect(again.recorded).toEqual(["2020-01-01"]);
    expect(again.lock.versions["2014-04-08"]).toEqual(first.lock.versions["2014-04-08"]);
    expect(again.lock.versions["2020-01-01"].announced).toBeUndefined();
  });

  it("records the day a version was announced when it takes effect later", () => {
    const ahead = recordVersions(lock, [version("2027-03-01", section("a", TEXT))], TODAY);
    expect(ahead.lock.versions["2027-03-01"].announced).toBe(TODAY);
    expect(lockVersion(version("2024-06-30", section("a", TEXT)), TODAY).announced).toBeUndefined();
  });

  it("plans the archive of the published text byte for byte, with its version.json", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x2d]);
    expect(
      planArchive("history", { effectiveDate: "2014-04-08", summary: "First." }, [{ name: "01-a.md", bytes }]),
    ).toEqual([
      { file: path("history/2014-04-08/01-a.md"), text: bytes },
      {
        file: path("history/2014-04-08/version.json"),
        text: '{\n  "effectiveDate": "2014-04-08",\n  "summary": "First."\n}\n',
      },
    ]);
  });

  it("archives the change notes of the version it archives in its version.json", () => {
    const [json] = planArchive(
      "history",
      { effectiveDate: "2014-04-08", summary: "First.", changeNotes: { a: "Why." } },
      [],
    );
    expect(JSON.parse(json.text as string)).toEqual({
      effectiveDate: "2014-04-08",
      summary: "First.",
      changeNotes: { a: "Why." },
    });
  });

  it("gives site.json the new version's notes after its summary, and drops the old version's", () => {
    const text =
      '{\n  "effectiveDate": "2014-04-08",\n  "summary": "Old.",\n  "changeNotes": { "a": "Old." },\n  "siteUrl": "https://x.example"\n}\n';
    expect(Object.keys(JSON.parse(updateSiteJson(text, "2024-06-01", "New.", { b: "Why." })))).toEqual([
      "effectiveDate",
      "summary",
      "changeNotes",
      "siteUrl",
    ]);
    expect(JSON.parse(updateSiteJson(text, "2024-06-01", "New.", { b: "Why." })).changeNotes).toEqual({ b: "Why." });
    expect(JSON.parse(updateSiteJson(text, "2024-06-01", "New.")).changeNotes).toBeUndefined();
  });

  it("reads --note as a section id, an equals sign and one line", () => {
    expect(parseNotes(["sharing=We share less.", " your-rights = A new right. "])).toEqual({
      sharing: "We share less.",
      "your-rights": "A new right.",
    });
    expect(() => parseNotes(["We share less."])).toThrow(UsageError);
    expect(() => parseNotes(["sharing="])).toThrow(/is not a section id, "=", then one line/);
    expect(() => parseNotes(["Sharing=Why."])).toThrow(UsageError);
    expect(() => parseNotes(["sharing=One.", "sharing=Two."])).toThrow(/names `sharing` twice/);
  });

  it("gives site.json its new date and summary, every other key as it was", () => {
    const text =
      '{\n  "lang": "en",\n  "effectiveDate": "2014-04-08",\n  "summary": "Old.",\n  "siteUrl": "https://x.example"\n}\n';
    expect(updateSiteJson(text, "2024-06-01", "New.")).toBe(
      '{\n  "lang": "en",\n  "effectiveDate": "2024-06-01",\n  "summary": "New.",\n  "siteUrl": "https://x.example"\n}\n',
    );
  });
});

describe("a correction", () => {
  const recorded = recordVersions(
    { versions: {} },
    [version("2014-04-08", section("a", TEXT), section("b", "Other."))],
    TODAY,
  ).lock;
  const request = { note: "Fixed a typo.", date: "2024-05-03", today: "2024-06-30" };
  const correct = (...sections: SourceSection[]) =>
    planCorrection(recorded, "version-lock.json", version("2014-04-08", ...sections), request);

  it("re-records the corrected section and lists the correction under its version", () => {
    const next = correct(section("a", TEXT.replace("Two.", "Tow.")), section("b", "Other."));
    expect(next.versions["2014-04-08"].corrections).toEqual([
      { date: "2024-05-03", note: "Fixed a typo.", sections: ["a"] },
    ]);
    expect(next.versions["2014-04-08"].sections.a).toEqual(
      lockVersion(version("2014-04-08", section("a", TEXT.replace("Two.", "Tow."))), TODAY).sections.a,
    );
    expect(next.versions["2014-04-08"].sections.b).toBe(recorded.versions["2014-04-08"].sections.b);
  });

  it.each([
    [
      "more than a few sentences",
      [section("a", TEXT.replace("One. Two. Three. Four.", "Uno. Dos. Tres. Cuatro.")), section("b", "Other.")],
      new RegExp(`this changes 4 sentences, more than a correction may \\(${MAX_CORRECTED_SENTENCES}\\)`),
    ],
    [
      "a changed clause id",
      [section("a", TEXT.replace("{#clause}", "{#other}")), section("b", "Other.")],
      /a correction cannot change clause ids/,
    ],
    [
      "an added section",
      [section("a", TEXT), section("b", "Other."), section("c", "New.")],
      /a correction cannot add or remove a section \(c\)/,
    ],
    ["a removed section", [section("a", TEXT)], /a correction cannot add or remove a section \(b\)/],
  ])("refuses %s, pointing to a new version", (_, sections, problem) => {
    expect(() => correct(...sections)).toThrow(problem);
    expect(() => correct(...sections)).toThrow(
      /→ A correction only fixes a typo; publish anything more as a new version: npm run new-version/,
    );
  });

  it("refuses when nothing changed, and a date before the version or after today", () => {
    expect(() => correct(section("a", TEXT), section("b", "Other."))).toThrow(
      /the text is the one recorded for 2014-04-08/,
    );
    const fixed = [section("a", TEXT.replace("Two.", "Tow.")), section("b", "Other.")];
    expect(() =>
      planCorrection(recorded, "l", version("2014-04-08", ...fixed), { ...request, date: "2014-04-01" }),
    ).toThrow(/--date 2014-04-01 is before 2014-04-08/);
    expect(() =>
      planCorrection(recorded, "l", version("2014-04-08", ...fixed), { ...request, date: "2024-07-01" }),
    ).toThrow(/is in the future/);
  });

  it("needs the version recorded first", () => {
    expect(() =>
      planCorrection({ versions: {} }, "version-lock.json", version("2014-04-08", section("a", TEXT)), request),
    ).toThrow(/the current version \(2014-04-08\) is not recorded[\s\S]*npm run new-version -- --date 2014-04-08/);
  });
});
