import { describe, expect, it } from "vitest";
import { checkChangeNotes, noteLine } from "../../src/history/change-notes.ts";

const section = (id: string, body: string) => ({ id, title: id, body });
const FILE = '{\n  "summary": "x",\n  "changeNotes": {\n    "a": "Why.",\n    "c": "Why."\n  }\n}\n';

describe("change notes", () => {
  const first = {
    effectiveDate: "2016-01-10",
    file: "history/2016-01-10/version.json",
    sections: [section("a", "One.")],
  };

  it("are accepted on a section the version added, changed or removed", () => {
    const next = {
      effectiveDate: "2018-05-25",
      file: "content/site.json",
      changeNotes: { a: "Removed.", b: "Added." },
      sections: [section("b", "Two.")],
    };
    expect(checkChangeNotes([first, next])).toEqual([]);
  });

  it("are refused on a section whose text did not change (a summary is not the text), on the first version and on an unknown id", () => {
    const summaryOnly = "> [!SUMMARY]\n> A new summary.\n\nOne.";
    const next = {
      effectiveDate: "2018-05-25",
      file: "content/site.json",
      text: FILE,
      changeNotes: { a: "Why.", c: "Why." },
      sections: [section("a", summaryOnly)],
    };
    const problems = checkChangeNotes([{ ...first, changeNotes: { a: "First." } }, next]).map(
      (p) => `${p.file}:${p.line}: ${p.problem}`,
    );
    expect(problems).toEqual([
      "history/2016-01-10/version.json:undefined: the change note for `a` is on the first version, which changed nothing",
      "content/site.json:4: the change note for `a` is on a section whose text did not change in this version (2018-05-25)",
      "content/site.json:5: the change note for `c` names no section of this version or the one before",
    ]);
  });

  it("are found at their line in their JSON file", () => {
    expect(noteLine(FILE, "c")).toBe(5);
    expect(noteLine(FILE, "z")).toBe(3);
    expect(noteLine(undefined, "a")).toBeUndefined();
  });
});
