import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/lib/files.ts";
import { readSiteOptions } from "../../src/options.ts";
import { countPages } from "../../src/pdf/finish-pdf.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { formatBytes, formatCount, formatMs, formatSummary, markdownTable } from "./format.ts";
import { type Summary, summarize } from "./stats.ts";
import { writeSyntheticContent } from "./synthetic.ts";
import type { TargetRow } from "./targets.ts";

/** The PDF step of `npm run build -- --pdf`: its time, and what it wrote. */
export interface PdfStepResult {
  label: string;
  sections: number;
  /** The "pdf" step as buildSite reports it: printing every PDF and rendering the pages again with their links. */
  stepMs: Summary;
  pdfs: number;
  pages: number;
  bytes: number;
  /** The whole policy's PDF, the largest. */
  whole: { pages: number; bytes: number };
}

export const PDF_TARGET_MS = 15_000;

async function measureOnce(
  contentDir: string,
  outDir: string,
): Promise<{ ms: number; files: Buffer[]; whole: Buffer }> {
  let ms = 0;
  await buildSite(
    {
      ...readSiteOptions({}),
      contentDir,
      historyDir: path.join(outDir, "no-history"),
      outDir,
      validateHtml: false,
      pdf: true,
    },
    {
      onStep: (step, took) => {
        if (step === "pdf") ms = took;
      },
    },
  );
  const names = listFiles(outDir).filter((file) => file.endsWith(".pdf"));
  const files = names.map((file) => readFileSync(path.join(outDir, file)));
  const whole = files[names.findIndex((file) => !file.includes("/"))];
  rmSync(outDir, { recursive: true, force: true });
  return { ms, files, whole };
}

/** Builds with --pdf `runs` times, in this process, into folders under workDir that are removed after. */
export async function measurePdfStep(
  contentDir: string,
  label: string,
  sections: number,
  runs: number,
  workDir: string,
): Promise<PdfStepResult> {
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof measureOnce>> | undefined;
  for (let run = 0; run < runs; run++) {
    last = await measureOnce(contentDir, path.join(workDir, `pdf-${sections}-${run}`));
    times.push(last.ms);
  }
  if (!last) throw new Error("no run");
  return {
    label,
    sections,
    stepMs: summarize(times),
    pdfs: last.files.length,
    pages: last.files.reduce((sum, file) => sum + countPages(file), 0),
    bytes: last.files.reduce((sum, file) => sum + file.length, 0),
    whole: { pages: countPages(last.whole), bytes: last.whole.length },
  };
}

/** The real policy, and a synthetic one of 100 sections unless quick. */
export async function measurePdfs(options: {
  contentDir: string;
  realSections: number;
  runs: number;
  quick: boolean;
  workDir: string;
}): Promise<PdfStepResult[]> {
  const { contentDir, realSections, runs, quick, workDir } = options;
  const results = [await measurePdfStep(contentDir, "the real policy", realSections, runs, workDir)];
  if (!quick) {
    const synthetic = path.join(workDir, "content-pdf-100");
    writeSyntheticContent(contentDir, 100, synthetic);
    results.push(await measurePdfStep(synthetic, "synthetic", 100, runs, workDir));
  }
  return results;
}

export function pdfTargetRow(results: readonly PdfStepResult[] | undefined): TargetRow {
  const real = results?.find((result) => result.label === "the real policy");
  const figure = "All PDFs of the real policy (`--pdf`)";
  if (!real) return { figure, target: "≤ 15 s", measured: "not measured" };
  return {
    figure,
    target: "≤ 15 s",
    measured: `${formatMs(real.stepMs.median)} for ${real.pdfs} PDFs`,
    met: real.stepMs.median <= PDF_TARGET_MS,
  };
}

export function pdfTable(results: readonly PdfStepResult[]): string {
  return markdownTable(
    ["policy", "PDF step", "PDFs", "pages", "bytes", "per PDF", "whole policy"],
    results.map((r) => [
      `${r.label} (${formatCount(r.sections)} sections)`,
      formatSummary(r.stepMs, formatMs),
      formatCount(r.pdfs),
      formatCount(r.pages),
      formatBytes(r.bytes),
      formatMs(r.stepMs.median / r.pdfs),
      `${formatCount(r.whole.pages)} pages, ${formatBytes(r.whole.bytes)}`,
    ]),
  );
}

export const PDF_METHOD = `- **PDFs**: \`buildSite\` with \`pdf: true\`, as \`npm run build -- --pdf\` runs it, in the benchmark's
  own process, into a folder that does not exist yet; the real policy, and unless \`--quick\` the
  synthetic policy of 100 sections. *PDF step* is the \`pdf\` step \`buildSite\` reports: starting the
  bundled Chromium, printing every section, the whole policy and every version (two pages at a time),
  finishing each file, and rendering the pages again with their download links. *Pages* and *bytes*
  count every PDF written.`;
