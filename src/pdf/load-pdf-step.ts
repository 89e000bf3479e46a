import { createRequire } from "node:module";
import { UsageError } from "../lib/problems.ts";

/**
 * `--pdf` prints with Chromium from npm: playwright-core and @sparticuz/chromium, which are
 * devDependencies, so a deploy install without them (`npm ci --omit=dev`) stays small. They are
 * loaded here, only when PDFs are asked for, and before any work is done, so a build without
 * them stops at once with what to do.
 */

export type RenderPdfs = typeof import("./render-pdfs.ts").renderPdfs;

const PRINTING_PACKAGES = ["playwright-core", "@sparticuz/chromium"];

/** True for the error Node gives when one of the printing packages is not installed. */
export function isMissingPrintingPackage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    PRINTING_PACKAGES.some((name) => String(message).includes(name))
  );
}

const loadRenderer = async (): Promise<RenderPdfs> => {
  createRequire(import.meta.url).resolve("@sparticuz/chromium");
  return (await import("./render-pdfs.ts")).renderPdfs;
};

export async function loadPdfStep(load: () => Promise<RenderPdfs> = loadRenderer): Promise<RenderPdfs> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPrintingPackage(error)) throw error;
    throw new UsageError(
      `--pdf prints with ${PRINTING_PACKAGES.join(" and ")}, which are not installed (npm ci --omit=dev leaves them out)`,
      "PDFs need the full install: npm ci, then npm run build -- --pdf",
    );
  }
}
