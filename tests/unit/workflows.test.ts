import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../src/options.ts";

const read = (file: string): string => readFileSync(path.join(projectRoot, file), "utf8");
const runSteps = (workflow: string): string[] => [...read(workflow).matchAll(/^ +- run: (.+)$/gm)].map((m) => m[1]);

describe("the GitHub workflows", () => {
  it("test pull requests with exactly the README's test command", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(read("README.md"))![1];
    const commands = block.split("\n").flatMap((line) =>
      line
        .replace(/#.*/, "")
        .split("&&")
        .map((c) => c.trim()),
    );
    expect(commands).toContain("npm test");
    expect(runSteps(".github/workflows/test.yml")).toEqual(["npm ci", "npm test"]);
    expect(read(".github/workflows/test.yml")).toMatch(/^on:\n {2}pull_request:/m);
  });

  it("deploy with the build command docs/deploying.md gives every host", () => {
    const deploy = runSteps(".github/workflows/pages.yml");
    const documented = [...read("docs/deploying.md").matchAll(/\| Build command \| `(.+)` \|/g)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(0);
    for (const command of documented) expect(deploy.join(" && ")).toBe(command);
  });

  it("deploy on every push to main, by hand, and every day shortly after midnight UTC, when announced versions take effect", () => {
    const triggers = parse(read(".github/workflows/pages.yml")).on;
    expect(Object.keys(triggers).sort()).toEqual(["push", "schedule", "workflow_dispatch"]);
    expect(triggers.push.branches).toEqual(["main"]);
    // Minute, hour, then every day of every month: once a day, within the first hour of the UTC day.
    expect(triggers.schedule).toHaveLength(1);
    const [minute, hour, ...days] = triggers.schedule[0].cron.split(/\s+/);
    expect(days).toEqual(["*", "*", "*"]);
    expect(Number(hour)).toBe(0);
    expect(Number(minute)).toBeGreaterThanOrEqual(0);
    expect(Number(minute)).toBeLessThan(60);
    // The daily run builds with no POLICY_TODAY of its own: the runner's date is the day.
    expect(read(".github/workflows/pages.yml")).not.toMatch(/^\s+POLICY_TODAY:/m);
  });
});
