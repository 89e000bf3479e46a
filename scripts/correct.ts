// npm run correct -- --note "…" [--date YYYY-MM-DD]: records a typo fix under the current date, in
// view on /history/, instead of a new version (docs/editing.md, “Versions and history”).
import path from "node:path";
import { serializeLock } from "../src/content/version-lock.ts";
import { planCorrection } from "../src/history/corrections.ts";
import { runCommand } from "../src/lib/command.ts";
import { ContentErrors } from "../src/lib/problems.ts";
import { CORRECT_USAGE, readCorrectOptions } from "../src/options.ts";
import { checkContent } from "../src/pipeline/load-policy.ts";
import { writeFiles } from "../src/tools/write-files.ts";

await runCommand(() => {
  const options = readCorrectOptions(process.argv.slice(2), process.env);
  if (options.help) return console.log(CORRECT_USAGE);
  const checked = checkContent(options, "preview");
  if (checked.errors.length > 0) throw new ContentErrors(checked.errors);
  const { today } = options;
  const current = {
    effectiveDate: checked.site!.effectiveDate,
    sections: checked.current.sections,
    ids: checked.current.ids,
  };
  const lockFile = checked.lock!;
  const lock = planCorrection(lockFile.lock, lockFile.file, current, {
    note: options.note,
    date: options.date ?? today,
    today,
  });
  const correction = lock.versions[current.effectiveDate].corrections!.at(-1)!;
  writeFiles([{ file: path.join(options.contentDir, path.basename(lockFile.file)), text: serializeLock(lock) }]);
  console.log(
    `Recorded a correction of the text of ${current.effectiveDate}, on ${correction.date}, in ${correction.sections.join(", ")}: “${correction.note}”\n/history/ shows it. Commit the corrected text with the version lock.`,
  );
});
