import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstChange, printOf, sentencesOf } from "../../src/content/fingerprint.ts";
import { checkAgainstLock, type VersionToCheck } from "../../src/content/lock-check.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";
import { readVersionLock, recordedIds, serializeLock, type VersionLock } from "../../src/content/version-lock.ts";
import { lockVersion } from "../../src/history/new-version.ts";
import { formatNotices, warningOf } from "../../src/lib/notices.ts";
import type { BuildPurpose } from "../../src/options.ts";

const cookies = (body: string, title = "What About Cookies?"): SourceSection => ({
  id: "cookies",
  order: 1,
  title,
  titleLine: 4,
  file: "content/02-cookies.md",
  body,
  bodyLine: 6,
});
const TEXT = "\nCookies are identifiers. We use them.\n\n## Refusing {#refusing}\n\nThe Help portion tells you how.\n";
const idsOf = (section: SourceSection) => [
  { id: section.id, file: section.file, clauseIds: ["refusing"], aliases: {} },
];
const version = (section: SourceSection, current = true, effectiveDate = "2014-04-08"): VersionToCheck => ({
  effectiveDate,
  folder: current ? "content" : `history/${effectiveDate}`,
  current,
  sections: [section],
  ids: idsOf(section),
});
const lockOf = (section: SourceSection, effectiveDate = "2014-04-08"): VersionLock => ({
  versions: { [effectiveDate]: lockVersion({ effectiveDate, sections: [section], ids: idsOf(section) }, "2030-01-01") },
});
const findings = (lock: VersionLock, versions: VersionToCheck[], purpose: BuildPurpose = "build") => {
  const found = checkAgainstLock({ file: "content/version-lock.json", lock }, versions, purpose);
  return { errors: found.errors.map((e) => e.message), warnings: found.warnings.map((e) => e.message) };
};

describe("a section's text as the lock sees it", () => {
  const fingerprint = (section: SourceSection) => printOf(sentencesOf(section)).fingerprint;

  it("splits the title, headings and sentences, each at its file line", () => {
    expect(sentencesOf(cookies(TEXT))).toEqual([
      { text: "title: What About Cookies?", line: 4 },
      { text: "Cookies are identifiers.", line: 7 },
      { text: "We use them.", line: 7 },
      { text: "## Refusing {#refusing}", line: 9 },
      { text: "The Help portion tells you how.", line: 11 },
    ]);
  });

  it("ends a sentence at a heading, a list item or a quote, blank line or not", () => {
    const body = "## Refusing {#refusing}\nThe Help portion\n- tells you how\n> and when\n";
    expect(sentencesOf(cookies(body)).map((s) => [s.text, s.line])).toEqual([
      ["title: What About Cookies?", 4],
      ["## Refusing {#refusing}", 6],
      ["The Help portion", 7],
      ["- tells you how", 8],
      ["> and when", 9],
    ]);
  });

  it("does not count line endings, trailing spaces, line wrapping or blank lines", () => {
    const same = [
      TEXT.replaceAll("\n", "\r\n"),
      TEXT.replace("identifiers.", "identifiers.   "),
      TEXT.replace("Cookies are identifiers. We use them.", "Cookies are\nidentifiers.\nWe use them."),
      TEXT.replace("\n\n## Refusing", "\n\n\n\n## Refusing"),
      `\n\n${TEXT}\n\n`,
    ];
    for (const body of same) expect(fingerprint(cookies(body))).toBe(fingerprint(cookies(TEXT)));
  });

  it.each([
    ["a word", TEXT.replace("identifiers", "identifier")],
    ["a comma", TEXT.replace("We use them.", "We, use them.")],
    ["a clause id", TEXT.replace("{#refusing}", "{#refuse}")],
    ["a heading level", TEXT.replace("## Refusing", "### Refusing")],
    ["a link target", TEXT.replace("tells you how.", "tells [you](https://a.example/) how.")],
  ])("counts a change to %s", (_, body) => {
    expect(fingerprint(cookies(body))).not.toBe(fingerprint(cookies(TEXT)));
  });

  it("counts a change to the title", () => {
    expect(fingerprint(cookies(TEXT, "What About Cookies"))).not.toBe(fingerprint(cookies(TEXT)));
  });

  it("points at the first changed sentence, and says how many differ", () => {
    const recorded = printOf(sentencesOf(cookies(TEXT))).sentences;
    expect(firstChange(sentencesOf(cookies(TEXT)), recorded)).toBeUndefined();
    expect(firstChange(sentencesOf(cookies(TEXT.replace("We use them.", "We use them often."))), recorded)).toEqual({
      kind: "changed",
      sentence: { text: "We use them often.", line: 7 },
      count: 1,
    });
    expect(firstChange(sentencesOf(cookies(TEXT.replace(" We use them.", ""))), recorded)).toEqual({
      kind: "removed",
      line: 9,
      count: 1,
    });
  });
});

describe("the version lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "version-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is empty for a content folder that has recorded nothing", () => {
    expect(readVersionLock(dir, dir)).toEqual({ file: "version-lock.json", lock: { versions: {} } });
  });

  it("reads back what it writes, oldest version first", () => {
    const lock = {
      versions: { "2020-01-01": lockOf(cookies(TEXT)).versions["2014-04-08"], ...lockOf(cookies(TEXT)).versions },
    };
    writeFileSync(path.join(dir, "version-lock.json"), serializeLock(lock));
    const read = readVersionLock(dir, dir).lock;
    expect(Object.keys(read.versions)).toEqual(["2014-04-08", "2020-01-01"]);
    expect(read.about).toMatch(/do not edit it by hand/);
    expect(recordedIds(read)).toEqual(new Map([["cookies", new Set(["refusing"])]]));
  });

  it("refuses a file that is not a lock, saying to restore it", () => {
    writeFileSync(
      path.join(dir, "version-lock.json"),
      JSON.stringify({ versions: { "2014-04-08": { sections: { cookies: { fingerprint: "x" } } } } }),
    );
    expect(() => readVersionLock(dir, dir)).toThrow(
      /^version-lock\.json: invalid version lock:[\s\S]*→ Restore it from version control/,
    );
  });
});

describe("checking the text against the lock", () => {
  const changed = cookies(TEXT.replace("We use them.", "We sell them."));

  it("accepts the text recorded for its date", () => {
    expect(findings(lockOf(cookies(TEXT)), [version(cookies(TEXT))])).toEqual({ errors: [], warnings: [] });
  });

  it("refuses changed published text in a build, naming the first changed sentence and the fixes", () => {
    const { errors } = findings(lockOf(cookies(TEXT)), [version(changed)]);
    expect(errors).toEqual([
      expect.stringMatching(
        /^content\/02-cookies\.md:7: this is not the text published on 2014-04-08: “We sell them\.”\n {2}→ Published text never changes under its date\. .*npm run new-version -- --date YYYY-MM-DD --summary "What changed".*npm run correct -- --note "What was corrected"/,
      ),
    ]);
  });

  it("shows changed published text as a warning in a preview, so edits can be seen before they are published", () => {
    expect(findings(lockOf(cookies(TEXT)), [version(changed)], "preview")).toEqual({
      errors: [],
      warnings: [expect.stringMatching(/02-cookies\.md:7: this is not the text published on 2014-04-08/)],
    });
  });

  it("refuses a changed archived version in every kind of build", () => {
    const archived = {
      ...version(changed, false),
      sections: [{ ...changed, file: "history/2014-04-08/02-cookies.md" }],
    };
    const { errors } = findings(lockOf(cookies(TEXT)), [archived], "preview");
    expect(errors).toEqual([
      expect.stringMatching(
        /^history\/2014-04-08\/02-cookies\.md:7: .*\n {2}→ An archived version never changes: restore the file/,
      ),
    ]);
  });

  it("warns about an unrecorded version in a build and refuses it in a release, naming its ids", () => {
    const unrecorded = { versions: {} };
    const message =
      /^content\/version-lock\.json: the version of 2014-04-08 \(content\) is not recorded, and neither are its ids \/cookies\/, \/cookies\/#refusing, so a release build refuses it\n {2}→ .*npm run new-version -- --date 2014-04-08/;
    expect(findings(unrecorded, [version(cookies(TEXT))])).toEqual({
      errors: [],
      warnings: [expect.stringMatching(message)],
    });
    expect(findings(unrecorded, [version(cookies(TEXT))], "release")).toEqual({
      errors: [expect.stringMatching(message)],
      warnings: [],
    });
  });

  it("refuses a section added under a published date, and a recorded version whose folder is gone", () => {
    const lock = { versions: { ...lockOf(cookies(TEXT), "2010-01-01").versions, "2014-04-08": { sections: {} } } };
    expect(findings(lock, [version(cookies(TEXT))]).errors).toEqual([
      expect.stringMatching(/^content\/02-cookies\.md:1: this section was not in the text published on 2014-04-08/),
      expect.stringMatching(
        /^content\/version-lock\.json: the version of 2010-01-01 is recorded, but there is no history\/2010-01-01\/ folder/,
      ),
    ]);
  });

  it("prints warnings in the problem → fix shape, marked as warnings", () => {
    const { warnings } = checkAgainstLock(
      { file: "content/version-lock.json", lock: lockOf(cookies(TEXT)) },
      [version(changed)],
      "preview",
    );
    expect(formatNotices(warnings.map(warningOf))[0]).toMatch(
      /^Warning: content\/02-cookies\.md:7: this is not the text published on 2014-04-08: “We sell them\.”\n {2}→ /,
    );
  });
});
