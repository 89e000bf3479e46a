// npm run check: the content checks of the build alone (no Eleventy, no Pagefind), with the build's
// messages and exit codes; fast enough for a git pre-commit hook (docs/editing.md).
import path from "node:path";
import { runCommand } from "../src/lib/command.ts";
import { formatNotices } from "../src/lib/notices.ts";
import { CHECK_USAGE, readCheckOptions } from "../src/options.ts";
import { loadPolicyData } from "../src/pipeline/load-policy.ts";

await runCommand(
  () => {
    const options = readCheckOptions(process.argv.slice(2), process.env);
    if (options.help) return console.log(CHECK_USAGE);
    const started = performance.now();
    const { policy, history, notices } = loadPolicyData(options);
    for (const notice of formatNotices(notices)) console.error(notice);
    const ms = Math.round(performance.now() - started);
    const shown = (dir: string): string => path.relative(process.cwd(), dir) || ".";
    const sections = `${policy.sections.length} section${policy.sections.length === 1 ? "" : "s"}`;
    const versions = `${history.archived.length} earlier version${history.archived.length === 1 ? "" : "s"}`;
    console.log(
      `Checked ${shown(options.contentDir)} (${sections}) and ${shown(options.historyDir)} (${versions})${options.purpose === "release" ? " for a release" : ""} in ${ms} ms: no problems.`,
    );
  },
  { failure: "Check failed:" },
);
