import { describe, expect, it } from "vitest";
import { inlineCodeOf } from "../../src/checks/inline-code.ts";
import { scanPage } from "../../src/checks/page-scan.ts";
import { parserScan } from "../helpers/parser-scan.ts";

/** Markup that reads differently depending on how a parser handles it. */
const TRICKY: Record<string, string> = {
  "references in attribute values": `<a href="/a?x=1&amp;y=2&lt;#c&quot;">a</a><a href='/b?q=&#x27;x&#39;'>b</a><p id="caf&eacute;">x</p>`,
  "references without their semicolon": `<a href="/a?p=1&copy=2&amp=3&notit;">a</a><a href="/b&copy">b</a><p id="x&ampy">p</p>`,
  "references in text, never read": `<p>&lt;a href="/nope"&gt; &amp; &copy;</p><a href="/yes">y</a>`,
  "an encoded javascript: URL": `<a href="&#x6A;avascript:alert(1)">a</a><a href="java&#x09;script:x">b</a><form action="JAVASCRIPT&colon;x"></form>`,
  "case, unquoted and valueless attributes": `<A HREF=/up ID=Top Hidden>u</A><IMG SRC=/i.svg alt><Link rel=icon HREF="/f.ico">`,
  "the first of two same-named attributes": `<a href="/first" HREF="/second" id="one" id="two">a</a>`,
  "tags in scripts, styles, comments and titles": `<title><a href="/t">t</a></title><script>var s = '<a href="/s" id="s">';</script><style>a::before { content: "<p id=z>"; }</style><!-- <a href="/c" id="c"> --><textarea><a href="/x"></textarea><a href="/after">a</a>`,
  "inline code of every kind": `<script>x()</script><script type="application/ld+json">{}</script><script src="/s.js"></script><style>p{}</style><p style="color:red" ONCLICK="x()" onMouseOver="y()">p</p><svg><a href="javascript:x()"/></svg>`,
  "self-closing and foreign elements": `<svg viewBox="0 0 1 1"><use href="#i"/><a id="in-svg" href="/svg"/></svg><br/><img src="/a.png"/>`,
  "implied elements": `<ul><li><a href="/1">1<li><a href="/2">2</ul></p></br><p id="p">`,
  "tags across lines": `<a\n  href="/a"\n  id="multi"\n>a</a>\n\n<p\nid="later">x</p><p id="later">again</p>`,
  "a doctype, CDATA and processing instructions": `<!DOCTYPE html><![CDATA[<a href="/cdata">]]><?xml version="1.0"?><a href="/end" name="old">e</a>`,
};

const plain = (scan: ReturnType<typeof scanPage>) => ({ ...scan, anchors: [...scan.anchors] });

describe("reading a page for the post-build checks", () => {
  it.each(Object.entries(TRICKY))("reads %s as htmlparser2's Parser does", (_, html) => {
    const page = `<!doctype html>\n<html lang="en"><body>\n${html}\n</body></html>\n`;
    expect(plain(scanPage(page))).toEqual(plain(parserScan(page)));
  });
});

describe("what breaks the no-inline rule", () => {
  it("names each kind of inline code, and passes files and data blocks", () => {
    expect(inlineCodeOf("script", {})).toEqual(["an inline <script>"]);
    expect(inlineCodeOf("script", { src: "/a.js" })).toEqual([]);
    expect(inlineCodeOf("script", { type: " Application/LD+JSON " })).toEqual([]);
    expect(inlineCodeOf("style", {})).toEqual(["a <style> element"]);
    expect(inlineCodeOf("p", { style: "", onclick: "x()" })).toEqual([
      "a style attribute on <p>",
      "an event handler attribute onclick on <p>",
    ]);
    expect(inlineCodeOf("a", { href: "  JavaScript:x()" })).toEqual(["a javascript: URL on <a>"]);
    expect(inlineCodeOf("a", { href: "/javascript:x" })).toEqual([]);
  });
});
