// npm start: builds the site as npm run build does, serves it on PORT with live reload, and builds
// again on every change to content/, history/, pages/, layouts/ or assets/.

import { runCommand } from "../src/lib/command.ts";
import { readServeOptions, START_USAGE } from "../src/options.ts";
import { startDevServer } from "../src/pipeline/dev-server.ts";

await runCommand(async () => {
  const options = readServeOptions(process.argv.slice(2), process.env);
  if (options.help) return console.log(START_USAGE);
  const server = await startDevServer(options);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
});
