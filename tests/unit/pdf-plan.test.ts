import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/lib/problems.ts";
import { readBuildOptions, readPdfPaper } from "../../src/options.ts";
import { pdfLinkLabel, planPdfs } from "../../src/pdf/pdf-plan.ts";

describe("the PDFs a build makes", () => {
  const jobs = planPdfs({
    policyName: "audioMIDI.com Privacy Policy",
    sections: [
      { id: "cookies", url: "/cookies/" },
      { id: "sharing", url: "/sharing/" },
    ],
    versions: [{ effectiveDate: "2016-01-10", url: "/history/2016-01-10/" }],
  });

  it("cover the whole policy, every section and every version, each beside its page", () => {
    expect(jobs).toEqual([
      { sitePath: "/", pdfPath: "/audiomidi-com-privacy-policy.pdf" },
      { sitePath: "/cookies/", pdfPath: "/cookies/audiomidi-com-privacy-policy-cookies.pdf" },
      { sitePath: "/sharing/", pdfPath: "/sharing/audiomidi-com-privacy-policy-sharing.pdf" },
      { sitePath: "/history/2016-01-10/", pdfPath: "/history/2016-01-10/audiomidi-com-privacy-policy-2016-01-10.pdf" },
    ]);
  });

  it("are announced with their pages and size", () => {
    expect(pdfLinkLabel(2, 48 * 1024 + 300)).toBe("Download PDF (2 pages, 48 KB)");
    expect(pdfLinkLabel(1, 33_000)).toBe("Download PDF (1 page, 32 KB)");
    expect(pdfLinkLabel(40, 2_000_000)).toBe("Download PDF (40 pages, 1,953 KB)");
  });
});

describe("the --pdf options", () => {
  it("are off unless asked for, on A4 unless PDF_PAPER says Letter", () => {
    expect(readBuildOptions([], {})).toMatchObject({ pdf: false, pdfPaper: "A4" });
    expect(readBuildOptions(["--pdf"], { PDF_PAPER: "letter" })).toMatchObject({ pdf: true, pdfPaper: "Letter" });
    expect(readPdfPaper(" A4 ")).toBe("A4");
  });

  it("refuse another paper and --pdf given to npm instead of the build", () => {
    expect(() => readPdfPaper("A5")).toThrow(UsageError);
    expect(() => readPdfPaper("A5")).toThrow(/PDF_PAPER=A4 or PDF_PAPER=Letter/);
    expect(() => readBuildOptions([], { npm_config_pdf: "true" })).toThrow(/npm run build -- --pdf/);
  });
});
