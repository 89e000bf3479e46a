import { describe, expect, it } from "vitest";
import { headersFor, mimeTypes, parseHeadersFile } from "../../src/tools/static-server.ts";

const example = `
# Applies everywhere under the mount point
/privacy/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'self'; img-src 'self' data:

/privacy/pagefind/*
  Cache-Control: public, max-age=3600
  X-Robots-Tag: noindex

/privacy/:lang/feed.xml
  Content-Type: application/atom+xml
`;

describe("parseHeadersFile", () => {
  it("reads each URL pattern with the indented headers beneath it", () => {
    expect(parseHeadersFile(example)).toEqual([
      {
        pattern: "/privacy/*",
        headers: [
          ["X-Content-Type-Options", "nosniff"],
          ["Content-Security-Policy", "default-src 'self'; img-src 'self' data:"],
        ],
      },
      {
        pattern: "/privacy/pagefind/*",
        headers: [
          ["Cache-Control", "public, max-age=3600"],
          ["X-Robots-Tag", "noindex"],
        ],
      },
      { pattern: "/privacy/:lang/feed.xml", headers: [["Content-Type", "application/atom+xml"]] },
    ]);
  });

  it("keeps colons after the first one as part of the value", () => {
    expect(parseHeadersFile("/*\n  Link: <https://example.com/a>; rel=preload\n")[0]?.headers).toEqual([
      ["Link", "<https://example.com/a>; rel=preload"],
    ]);
  });

  it("accepts tabs, CRLF line endings and comments", () => {
    expect(parseHeadersFile("# top\r\n/a\r\n\tX-A: 1\r\n  # inside\r\n")).toEqual([
      { pattern: "/a", headers: [["X-A", "1"]] },
    ]);
  });

  it("rejects a header that comes before any URL pattern", () => {
    expect(() => parseHeadersFile("  X-A: 1\n")).toThrow(/line 1: header "X-A: 1" comes before any URL pattern/);
  });

  it("rejects a header line that was not indented, instead of treating it as a pattern", () => {
    expect(() => parseHeadersFile("/a\nX-Frame-Options: DENY\n")).toThrow(/line 2: expected a URL path pattern/);
  });

  it("rejects an indented line without a name and a colon", () => {
    expect(() => parseHeadersFile("/a\n  nosniff\n")).toThrow(/line 2: expected "Name: value"/);
    expect(() => parseHeadersFile("/a\n  : value\n")).toThrow(/line 2: expected "Name: value"/);
  });
});

describe("headersFor", () => {
  const rules = parseHeadersFile(example);

  it("applies every matching block, in file order", () => {
    expect(headersFor(rules, "/privacy/pagefind/pagefind.js")).toEqual({
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'self'; img-src 'self' data:",
      "cache-control": "public, max-age=3600",
      "x-robots-tag": "noindex",
    });
  });

  it("lets a splat match the mount point itself and any depth below it", () => {
    expect(headersFor(rules, "/privacy/")).toHaveProperty("x-content-type-options", "nosniff");
    expect(headersFor(rules, "/privacy/a/b/c.html")).toHaveProperty("x-content-type-options", "nosniff");
  });

  it("matches against the path including the prefix, so other paths get nothing", () => {
    expect(headersFor(rules, "/index.html")).toEqual({});
    expect(headersFor(rules, "/privacyx/index.html")).toEqual({});
  });

  it("lets a placeholder match exactly one path segment", () => {
    expect(headersFor(rules, "/privacy/en/feed.xml")).toHaveProperty("content-type", "application/atom+xml");
    expect(headersFor(rules, "/privacy/en/gb/feed.xml")).not.toHaveProperty("content-type");
  });

  it("treats regular-expression characters in a pattern literally", () => {
    const literal = parseHeadersFile("/a.html\n  X-A: 1\n");
    expect(headersFor(literal, "/a.html")).toEqual({ "x-a": "1" });
    expect(headersFor(literal, "/aXhtml")).toEqual({});
  });

  it("joins repeated header names with a comma, whatever their case", () => {
    const repeated = parseHeadersFile("/*\n  Link: <a>\n/x\n  link: <b>\n");
    expect(headersFor(repeated, "/x")).toEqual({ link: "<a>, <b>" });
  });
});

describe("mimeTypes", () => {
  it("serves WebAssembly as application/wasm and Pagefind's index files as opaque bytes", () => {
    expect(mimeTypes[".wasm"]).toBe("application/wasm");
    for (const extension of [".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"]) {
      expect(mimeTypes[extension]).toBe("application/octet-stream");
    }
  });
});
