import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, resolveChromiumPath, SYSTEM_CHROMIUM_PATHS } from "../../src/tools/chromium.ts";

const existing =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

describe("resolveChromiumPath", () => {
  it("uses CHROMIUM_PATH when it is set, even if a system Chromium exists", () => {
    expect(
      resolveChromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" }, existing("/opt/chrome/chrome", "/usr/bin/chromium")),
    ).toEqual({
      source: "CHROMIUM_PATH",
      executablePath: "/opt/chrome/chrome",
    });
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than falling back silently", () => {
    expect(() => resolveChromiumPath({ CHROMIUM_PATH: "/nope/chrome" }, existing("/usr/bin/chromium"))).toThrow(
      "CHROMIUM_PATH is /nope/chrome, which does not exist",
    );
  });

  it("treats an empty CHROMIUM_PATH as unset", () => {
    expect(resolveChromiumPath({ CHROMIUM_PATH: "" }, existing("/usr/bin/chromium"))).toEqual({
      source: "system",
      executablePath: "/usr/bin/chromium",
    });
  });

  it("prefers Debian's real binary over its /usr/bin wrapper script", () => {
    expect(resolveChromiumPath({}, existing(...SYSTEM_CHROMIUM_PATHS))).toEqual({
      source: "system",
      executablePath: "/usr/lib/chromium/chromium",
    });
  });

  it("finds chromium-browser, the name some distributions use", () => {
    expect(resolveChromiumPath({}, existing("/usr/bin/chromium-browser"))).toEqual({
      source: "system",
      executablePath: "/usr/bin/chromium-browser",
    });
  });

  it("falls back to the bundled @sparticuz/chromium when nothing is installed", () => {
    expect(resolveChromiumPath({}, existing())).toEqual({ source: "bundled" });
  });
});

describe("CHROMIUM_ARGS", () => {
  it("leaves out the @sparticuz/chromium flags that would change what the tests observe", () => {
    for (const flag of [
      "--single-process",
      "--no-zygote",
      "--disable-web-security",
      "--allow-running-insecure-content",
    ]) {
      expect(CHROMIUM_ARGS).not.toContain(flag);
    }
  });
});
