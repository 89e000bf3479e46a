// npm run build [-- [--release | --validate-html] [--pdf]]: the site into dist/ (OUTPUT_DIR), atomically; see docs/building.md.
import { runCommand } from "../src/lib/command.ts";
import { formatNotices } from "../src/lib/notices.ts";
import { BUILD_USAGE, readBuildOptions } from "../src/options.ts";
import { buildSite } from "../src/pipeline/build-site.ts";

await runCommand(
  async () => {
    const options = readBuildOptions(process.argv.slice(2), process.env);
    if (options.help) return console.log(BUILD_USAGE);
    const started = performance.now();
    const { outDir, searchPages, notices } = await buildSite(options);
    for (const notice of formatNotices(notices)) console.error(notice);
    const ms = Math.round(performance.now() - started);
    const validated = options.validateHtml ? "HTML validated" : "HTML not validated (add -- --validate-html)";
    const pdfs = options.pdf ? `; PDFs on ${options.pdfPaper} paper` : "";
    const release = options.purpose === "release" ? "; release: every version and id recorded" : "";
    console.log(`Built ${outDir} (${searchPages} pages searchable; ${validated}${release}${pdfs}) in ${ms} ms.`);
  },
  { failure: "Build failed:", afterFailure: "The previous site (if any) was left as it was." },
);
