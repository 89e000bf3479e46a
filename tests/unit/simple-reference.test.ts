import { describe, expect, it } from "vitest";
import { simpleReference } from "../../src/checks/simple-reference.ts";

/** What a URL parser makes of a reference on a page served at /privacy/cookies/. */
function parsed(ref: string): { path?: string; id: string } {
  const url = new URL(ref, "https://example.org/privacy/cookies/");
  return { path: ref.startsWith("#") ? undefined : url.pathname, id: decodeURIComponent(url.hash.slice(1)) };
}

const READ_HERE = [
  "#",
  "#main",
  "#fn_cookies_1",
  "/",
  "/#",
  "/#contents",
  "/cookies/",
  "/cookies",
  "/a/b/c.d.css",
  "/a-b_c/#x-y_z",
  "/assets/site.531d3ca4.css",
  "/A/B",
];
const LEFT_TO_THE_PARSER = [
  "",
  "cookies/",
  "../x",
  "./x",
  "/./x",
  "/../x",
  "/a/../b",
  "//example.com/x",
  "/a//b",
  "/.well-known/x",
  "/a/.b",
  "/a b",
  "/a%20b",
  "/a?x=1",
  "#a b",
  "#a%20b",
  "#a.b",
  "/a#b#c",
  "https://example.org/",
  "mailto:a@b.c",
  "/a\\b",
  "/é",
];

describe("a reference read without the URL parser", () => {
  it.each(READ_HERE)("%s reads as the URL parser reads it", (ref) => {
    expect(simpleReference(ref)).toEqual(parsed(ref));
  });

  it.each(LEFT_TO_THE_PARSER)("%s is left to the URL parser", (ref) => {
    expect(simpleReference(ref)).toBeUndefined();
  });

  it("reads random references as the URL parser does, or leaves them to it", () => {
    const alphabet = ["/", "#", ".", "-", "_", "a", "B", "7", "%", "?", " ", ":", "é"];
    let seed = 1;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      const ref = Array.from({ length: 1 + next(12) }, () => alphabet[next(alphabet.length)]).join("");
      const simple = simpleReference(ref);
      if (simple === undefined) continue;
      read++;
      expect(simple, ref).toEqual(parsed(ref));
    }
    expect(read).toBeGreaterThan(100);
  });
});
