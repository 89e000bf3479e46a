// npm start: a full build into dist/ (so search has an index), then Eleventy's dev server on it
// with live reload; each rebuild re-indexes search (see .eleventy.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildSite, projectRoot } from "../src/build-site.ts";

const port = process.env.PORT || "8080";
try {
  await buildSite({ outDir: path.join(projectRoot, "dist") });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const eleventy = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    path.join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
    "--config=.eleventy.ts",
    "--serve",
    `--port=${port}`,
  ],
  { cwd: projectRoot, stdio: "inherit" },
);
eleventy.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => eleventy.kill(signal));
