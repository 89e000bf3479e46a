import { describe, expect, it } from "vitest";
import { ContentError, ContentErrors, contentProblemsOf, PROBLEMS_SHOWN } from "../../src/lib/problems.ts";

const problem = (file: string, line?: number) => new ContentError(file, `problem at ${line}`, "fix it", line);

describe("a list of content problems", () => {
  it("is sorted by file and line, each as file:line: problem → fix", () => {
    const errors = new ContentErrors([problem("b.md", 3), problem("a.md", 9), problem("a.md"), problem("a.md", 2)]);
    expect(errors.errors.map((e) => `${e.file}:${e.line}`)).toEqual(["a.md:undefined", "a.md:2", "a.md:9", "b.md:3"]);
    expect(errors.message).toBe(
      "4 problems in the content:\na.md: problem at undefined\n  → fix it\na.md:2: problem at 2\n  → fix it\na.md:9: problem at 9\n  → fix it\nb.md:3: problem at 3\n  → fix it",
    );
  });

  it(`lists the first ${PROBLEMS_SHOWN} and says how many more there are`, () => {
    const many = Array.from({ length: PROBLEMS_SHOWN + 7 }, (_, i) => problem("a.md", i + 1));
    const { message } = new ContentErrors(many);
    expect(message.split("\n").filter((line) => line.startsWith("a.md:"))).toHaveLength(PROBLEMS_SHOWN);
    expect(message.endsWith("\n… and 7 more.")).toBe(true);
  });

  it("can be flattened from one problem or many, and lets any other error through", () => {
    expect(contentProblemsOf(problem("a.md", 1))).toHaveLength(1);
    expect(contentProblemsOf(new ContentErrors([problem("a.md", 1), problem("b.md", 1)]))).toHaveLength(2);
    expect(() => contentProblemsOf(new TypeError("a bug"))).toThrow(TypeError);
  });
});
