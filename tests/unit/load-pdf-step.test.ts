import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/lib/problems.ts";
import { isMissingPrintingPackage, loadPdfStep } from "../../src/pdf/load-pdf-step.ts";

const missing = (name: string, code = "ERR_MODULE_NOT_FOUND") =>
  Object.assign(new Error(`Cannot find package '${name}' imported from /app/src/tools/chromium.ts`), { code });

describe("loading the PDF step", () => {
  it("says what to install when the printing packages were left out", async () => {
    const error = await loadPdfStep(() => Promise.reject(missing("playwright-core"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain("PDFs need the full install: npm ci");
    expect(isMissingPrintingPackage(missing("@sparticuz/chromium", "MODULE_NOT_FOUND"))).toBe(true);
  });

  it("lets any other failure through as it is", async () => {
    const other = missing("left-pad");
    await expect(loadPdfStep(() => Promise.reject(other))).rejects.toBe(other);
    expect(isMissingPrintingPackage(new Error("playwright-core crashed"))).toBe(false);
  });

  it("loads the renderer in a full install", async () => {
    expect(typeof (await loadPdfStep())).toBe("function");
  });
});
