import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, readScreenshotOptions } from "../../src/options.ts";

describe("npm run screenshots options", () => {
  it("photograph the real policy into screenshots/ by default", () => {
    const options = readScreenshotOptions([], {});
    expect(options).toMatchObject({
      contentDir: path.join(projectRoot, "content"),
      historyDir: path.join(projectRoot, "history"),
      outDir: path.join(projectRoot, "screenshots"),
      query: "cookies",
      help: false,
    });
  });

  it("take a fixture's content, with the history beside it unless another is given", () => {
    const fixture = path.join("tests", "fixtures", "kitchen-sink", "content");
    expect(readScreenshotOptions(["--content-dir", fixture], {}).historyDir).toBe(
      path.resolve(fixture, "..", "history"),
    );
    const chosen = readScreenshotOptions(["--content-dir", fixture, "--history-dir", "/tmp/h", "--query", "data"], {});
    expect([chosen.historyDir, chosen.query]).toEqual(["/tmp/h", "data"]);
  });

  it("follow POLICY_CONTENT_DIR and POLICY_HISTORY_DIR when no flag is given", () => {
    const options = readScreenshotOptions([], { POLICY_CONTENT_DIR: "/tmp/c", POLICY_HISTORY_DIR: "/tmp/h" });
    expect([options.contentDir, options.historyDir]).toEqual(["/tmp/c", "/tmp/h"]);
  });

  it("refuse a flag they do not know, as a usage error", () => {
    expect(() => readScreenshotOptions(["--fixture", "x"], {})).toThrow(
      /Unknown option '--fixture'[\s\S]*Usage: npm run screenshots/,
    );
  });
});
