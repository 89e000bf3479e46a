import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { STOP_WORDS } from "../../src/search/stop-words.ts";
import { buildVocabulary, indexedTexts, vocabularyWords, writeVocabulary } from "../../src/search/vocabulary.ts";

describe("the vocabulary's words", () => {
  it("are lower case, without possessives, apostrophes or digits, three letters or more", () => {
    expect(vocabularyWords("The customer's 4 SSL certificates, “cookies,” and an ID (2).")).toEqual([
      "the",
      "customer",
      "ssl",
      "certificates",
      "cookies",
      "and",
    ]);
  });

  it("keep a hyphenated word whole and in its parts", () => {
    expect(vocabularyWords("e-mail and Third-Party")).toEqual(["email", "mail", "and", "thirdparty", "third", "party"]);
  });
});

describe("the vocabulary", () => {
  it("counts the pages holding each word, leaves out stop words, and is sorted", () => {
    const vocabulary = buildVocabulary(["Cookies and more cookies.", "Your cookies, your password."], "en");
    expect(vocabulary.pages).toBe(2);
    expect(Object.entries(vocabulary.words)).toEqual([
      ["cookies", 2],
      ["password", 1],
    ]);
    expect(vocabulary.stopWords).toBe(STOP_WORDS.en);
  });

  it("keeps every word in a language without a stop list", () => {
    expect(Object.keys(buildVocabulary(["Wir teilen die Daten"], "de").words)).toEqual([
      "daten",
      "die",
      "teilen",
      "wir",
    ]);
  });
});

describe("the vocabulary file", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fragment = (json: unknown) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(json)}`));

  it("is read from Pagefind's records, one page per file or a group per file, and written beside them", () => {
    dir = mkdtempSync(path.join(tmpdir(), "vocabulary-"));
    mkdirSync(path.join(dir, "fragment"));
    writeFileSync(path.join(dir, "fragment", "en_a.pf_fragment"), fragment({ url: "/a/", content: "Cookies here." }));
    writeFileSync(
      path.join(dir, "fragment", "en_b.pf_fragment"),
      fragment({ b1: { url: "/b/", content: "Password here." }, b2: { url: "/c/", content: "Cookies again." } }),
    );
    expect([...indexedTexts(dir)]).toEqual(["Cookies here.", "Password here.", "Cookies again."]);
    const written = writeVocabulary(dir, "en");
    expect(JSON.parse(readFileSync(path.join(dir, "vocabulary.json"), "utf8"))).toEqual(written);
    expect(written.words).toEqual({ cookies: 2, password: 1 });
  });
});
