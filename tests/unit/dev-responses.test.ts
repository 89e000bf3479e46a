import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeBuildFailure } from "../../src/pipeline/build-failure.ts";
import {
  type DevSite,
  devMiddleware,
  ERROR_STYLESHEET,
  RELOAD_SCRIPT,
  withReloadScript,
} from "../../src/pipeline/dev-responses.ts";

const outDir = mkdtempSync(path.join(tmpdir(), "dev-responses-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
writeFileSync(path.join(outDir, "index.html"), "<html><head><title>Policy</title></head><body>text</body></html>");
writeFileSync(path.join(outDir, "404.html"), "<html><head><title>Not found</title></head></html>");

/** The middleware's answer to one request, or "next" when it leaves the request to the dev server. */
async function answer(site: Partial<DevSite>, url: string) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: "", next: false };
  const res = {
    set statusCode(code: number) {
      sent.status = code;
    },
    setHeader: (name: string, value: string) => {
      sent.headers[name.toLowerCase()] = value;
    },
    end: (body: Buffer) => {
      sent.body = body.toString();
    },
  } as unknown as ServerResponse;
  const full: DevSite = {
    outDir,
    headers: { "Content-Security-Policy": "default-src 'self'" },
    settled: async () => {},
    failure: () => undefined,
    mapUrl: (u) =>
      u === "/"
        ? { statusCode: 200, filepath: path.join(outDir, "index.html") }
        : u === "/a.css"
          ? { statusCode: 200, filepath: "a.css" }
          : { statusCode: 404 },
    ...site,
  };
  await devMiddleware(full)({ url } as IncomingMessage, res, () => {
    sent.next = true;
  });
  return sent;
}

describe("the dev server's responses", () => {
  it("add the live-reload script to a page's head as a same-origin file, never inline", () => {
    expect(withReloadScript("<head><title>x</title></head>")).toBe(
      `<head><title>x</title><script type="module" src="${RELOAD_SCRIPT}"></script></head>`,
    );
    expect(withReloadScript("no head")).toBe(`no head<script type="module" src="${RELOAD_SCRIPT}"></script>`);
  });

  it("serve pages and the 404 page with the reload script and the production headers, and leave other files alone", async () => {
    const page = await answer({}, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<script type="module" src="${RELOAD_SCRIPT}"></script></head>`);
    expect(page.headers["content-security-policy"]).toBe("default-src 'self'");
    const missing = await answer({}, "/gone/");
    expect([missing.status, missing.body]).toEqual([
      404,
      withReloadScript("<html><head><title>Not found</title></head></html>"),
    ]);
    expect((await answer({}, "/a.css")).next).toBe(true);
  });

  it("serve the reload script and the error page's stylesheet themselves", async () => {
    const script = await answer({}, RELOAD_SCRIPT);
    expect(script.headers["content-type"]).toBe("text/javascript");
    expect(script.body).toContain("new WebSocket");
    expect((await answer({}, ERROR_STYLESHEET)).body).toContain("prefers-color-scheme: dark");
  });

  it("answer every page with the error page while the build has failed, after the build running has finished", async () => {
    let finished = false;
    const site = {
      settled: () =>
        new Promise<void>((done) =>
          setTimeout(() => {
            finished = true;
            done();
          }, 0),
        ),
      failure: () => describeBuildFailure(new TypeError("broken")),
    };
    for (const url of ["/", "/gone/"]) {
      finished = false;
      const failed = await answer(site, url);
      expect(finished).toBe(true);
      expect(failed.status).toBe(500);
      expect(failed.body).toContain("<h1>The site could not be built</h1>");
    }
    expect((await answer(site, "/a.css")).next).toBe(true);
  });
});
