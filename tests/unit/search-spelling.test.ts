import { describe, expect, it } from "vitest";
import { correctionDistance, editDistance, nearestWords } from "../../assets/search/spelling.js";

describe("the distance between two spellings", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("cookies", "cookies")).toBe(0);
    expect(editDistance("cokies", "cookies")).toBe(1);
    expect(editDistance("privecy", "privacy")).toBe(1);
    expect(editDistance("recieve", "receive")).toBe(1);
    expect(editDistance("secuirty", "security")).toBe(1);
    expect(editDistance("thrid", "third")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("gives up past the largest distance asked about", () => {
    expect(editDistance("policy", "password", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("a word read as another", () => {
  it("is allowed no edit under five letters, one up to eight, two from nine", () => {
    expect(["stop", "come", "sue"].map(correctionDistance)).toEqual([0, 0, 0]);
    expect(["cokies", "pasword", "secuirty"].map(correctionDistance)).toEqual([1, 1, 1]);
    expect(correctionDistance("informaton")).toBe(2);
  });
});

describe("the nearest words the policy uses", () => {
  const vocabulary = { cookies: 3, cookie: 2, cooking: 1, password: 1, privacy: 2, policy: 4 };

  it("come nearest first, then the more used, then alphabetically", () => {
    expect(nearestWords("cookis", vocabulary, 2)).toEqual(["cookies", "cookie", "cooking"]);
    expect(nearestWords("cokie", vocabulary, 1)).toEqual(["cookie"]);
  });

  it("never include the word itself, and are none when no word is near enough", () => {
    expect(nearestWords("cookies", vocabulary, 1)).toEqual(["cookie"]);
    expect(nearestWords("xyzzy", vocabulary, 2)).toEqual([]);
    expect(nearestWords("cokies", vocabulary, 0)).toEqual([]);
  });

  it("are at most as many as asked for", () => {
    expect(nearestWords("cookis", vocabulary, 2, 1)).toEqual(["cookies"]);
  });
});
