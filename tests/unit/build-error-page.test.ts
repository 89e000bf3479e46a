import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { ContentError, ContentErrors, PROBLEMS_SHOWN, SiteCheckError } from "../../src/lib/problems.ts";
import { renderBuildErrorPage } from "../../src/pipeline/build-error-page.ts";
import { describeBuildFailure } from "../../src/pipeline/build-failure.ts";

const links = { csp: "default-src 'self'", stylesheet: "/.11ty/e.css", reloadScript: "/.11ty/r.js", outDir: "dist" };
const linkProblem = new ContentError(
  "content/02-cookies.md",
  "the link `javascript:alert(1)` uses the `javascript:` scheme, which is not allowed",
  "Links may use http:, https:, mailto:, tel: or be a site link.",
  9,
);

describe("a failed build, described for the terminal and the error page", () => {
  it("lists content problems sorted and capped as the build's message does, whether one or many were thrown", () => {
    const many = Array.from(
      { length: PROBLEMS_SHOWN + 2 },
      (_, i) => new ContentError("b.md", `problem ${i}`, "fix", i + 1),
    );
    const failure = describeBuildFailure(new ContentErrors([...many, linkProblem]));
    expect(failure.summary).toBe(`${PROBLEMS_SHOWN + 3} problems in the content`);
    expect(failure.lines).toHaveLength(PROBLEMS_SHOWN);
    expect(failure.lines[0]).toEqual({ where: "b.md:1", problem: "problem 0", fix: "fix" });
    expect(failure.more).toBe("… and 3 more.");
    expect(describeBuildFailure(new Error("wrapped", { cause: linkProblem }))).toEqual({
      summary: "1 problem in the content",
      lines: [{ where: "content/02-cookies.md:9", problem: linkProblem.problem, fix: linkProblem.hint }],
      more: undefined,
      unexpected: false,
    });
  });

  it("keeps a failed check's message whole, and marks anything else as unexpected with its causes", () => {
    const check = describeBuildFailure(
      new SiteCheckError([{ check: "Links", problems: ["/a/: broken"], hint: "Fix." }]),
    );
    expect(check).toMatchObject({ lines: [], unexpected: false });
    expect(check.details).toContain("/a/: broken");
    const bug = describeBuildFailure(new Error("Having trouble rendering njk", { cause: new Error("unexpected }") }));
    expect(bug).toMatchObject({ summary: "Having trouble rendering njk", unexpected: true });
    expect(bug.details).toBe("Having trouble rendering njk\nunexpected }");
  });
});

describe("the error page", () => {
  it("shows each problem as the terminal does, escaped, under the site's CSP with only same-origin files", () => {
    const html = renderBuildErrorPage(
      describeBuildFailure(new ContentError("content/<b>.md", "the heading <b> is bad", "Use `##`.", 3)),
      links,
    );
    const $ = load(html);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe("default-src 'self'");
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/.11ty/e.css");
    expect($("script").attr("src")).toBe("/.11ty/r.js");
    expect($("script").text()).toBe("");
    expect($("title").text()).toBe("Build failed: 1 problem in the content");
    expect($("h1").text()).toBe("The site could not be built");
    expect($("li p").first().text()).toBe("content/<b>.md:3: the heading <b> is bad");
    expect($("li .fix").text()).toBe("→ Fix: Use `##`.");
    expect($("li .fix [aria-hidden]").text()).toBe("→ ");
    expect(html).not.toContain("<b>");
    expect($("main .note code").text()).toBe("dist");
  });

  it("shows the whole message of an error that is not a content problem", () => {
    const $ = load(renderBuildErrorPage(describeBuildFailure(new TypeError("x is undefined")), links));
    expect($("ol").length).toBe(0);
    expect($("pre").text()).toBe("x is undefined");
    expect($("main > p").first().text()).toContain("not a mistake in the content");
  });
});
