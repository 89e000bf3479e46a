import { describe, expect, it } from "vitest";
import { unusedSearchFiles } from "../../src/search/search-index.ts";

describe("the files Pagefind writes", () => {
  const entry = JSON.stringify({ languages: { en: { hash: "en_1", wasm: "en", page_count: 7 } } });

  it("lose the UI bundles no page loads and the WebAssembly of languages the index does not hold", () => {
    const names = [
      "pagefind.js",
      "pagefind-worker.js",
      "pagefind-highlight.js",
      "pagefind-entry.json",
      "pagefind.en_1.pf_meta",
      "wasm.en.pagefind",
      "wasm.unknown.pagefind",
      "pagefind-ui.js",
      "pagefind-ui.css",
      "pagefind-modular-ui.js",
      "pagefind-modular-ui.css",
      "pagefind-component-ui.js",
      "pagefind-component-ui.css",
      "fragment",
      "index",
    ];
    expect(unusedSearchFiles(names, entry)).toEqual([
      "wasm.unknown.pagefind",
      "pagefind-ui.js",
      "pagefind-ui.css",
      "pagefind-modular-ui.js",
      "pagefind-modular-ui.css",
      "pagefind-component-ui.js",
      "pagefind-component-ui.css",
    ]);
  });

  it("keep the generic WebAssembly when the language has no stemmer of its own", () => {
    const unknown = JSON.stringify({ languages: { xx: { hash: "xx_1", wasm: "unknown", page_count: 2 } } });
    expect(unusedSearchFiles(["wasm.unknown.pagefind", "wasm.en.pagefind"], unknown)).toEqual(["wasm.en.pagefind"]);
  });
});
