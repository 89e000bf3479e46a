// npm start: builds the site as npm run build does, serves it on PORT with live reload, and builds
// again on every change to content/, history/, pages/, layouts/ or assets/.

import { runCommand } from "../src/lib/command.ts";
import { readServeOptions } from "../src/options.ts";
import { startDevServer } from "../src/pipeline/dev-server.ts";

await runCommand(async () => {
  const server = await startDevServer(readServeOptions(process.env));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
});
