import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { watchedFolders, watchFilter } from "../../src/pipeline/watch-sources.ts";

describe("what npm start watches", () => {
  const folders = watchedFolders({ contentDir: "/policy/content", historyDir: "/policy/history" });

  it("is the content, its history, and the templates and assets the site is made from", () => {
    expect(folders).toEqual([
      "/policy/content",
      "/policy/history",
      path.join(projectRoot, "pages"),
      path.join(projectRoot, "layouts"),
      path.join(projectRoot, "assets"),
    ]);
  });

  it("watches the folders' parents, so a folder made or deleted later is seen", () => {
    const { parents, isWatched } = watchFilter(["/policy/content", "/policy/history"]);
    expect(parents).toEqual(["/policy"]);
    expect(isWatched("/policy")).toBe(true);
    expect(isWatched("/policy/history")).toBe(true);
    expect(isWatched("/policy/history/2016-01-10/01-a.md")).toBe(true);
    expect(isWatched("/policy/content/site.json")).toBe(true);
    expect(isWatched("/policy/dist/index.html")).toBe(false);
    expect(isWatched("/policy/node_modules")).toBe(false);
    expect(isWatched("/policy/content-old/01-a.md")).toBe(false);
  });

  it("leaves editors' swap and backup files out, but not a watched folder whose name starts with a dot", () => {
    const { isWatched } = watchFilter(["/tmp/.work/content"]);
    expect(isWatched("/tmp/.work/content")).toBe(true);
    expect(isWatched("/tmp/.work/content/02-cookies.md")).toBe(true);
    expect(isWatched("/tmp/.work/content/.02-cookies.md.swp")).toBe(false);
    expect(isWatched("/tmp/.work/content/02-cookies.md~")).toBe(false);
  });
});
