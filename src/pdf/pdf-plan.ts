import { slugifyHeading } from "../content/ids.ts";

/**
 * Which pages become PDFs, and what their links say. Every section page, the whole policy and
 * every version's dated page: the copies a reader files, sends or attaches. Each PDF sits beside
 * its page under a name that says what it is once downloaded
 * ("audiomidi-com-privacy-policy-sharing.pdf").
 */

export interface PdfJob {
  /** The page printed ("/sharing/"). */
  sitePath: string;
  /** Where its PDF goes, site-relative ("/sharing/audiomidi-com-privacy-policy-sharing.pdf"). */
  pdfPath: string;
}

export interface PlannedPages {
  policyName: string;
  sections: ReadonlyArray<{ id: string; url: string }>;
  versions: ReadonlyArray<{ effectiveDate: string; url: string }>;
}

/** The PDFs of a build, in a fixed order: the whole policy, each section, each version. */
export function planPdfs({ policyName, sections, versions }: PlannedPages): PdfJob[] {
  const stem = slugifyHeading(policyName);
  const job = (sitePath: string, suffix: string): PdfJob => ({
    sitePath,
    pdfPath: `${sitePath}${stem}${suffix ? `-${suffix}` : ""}.pdf`,
  });
  return [job("/", ""), ...sections.map((s) => job(s.url, s.id)), ...versions.map((v) => job(v.url, v.effectiveDate))];
}

/** "Download PDF (1 page, 33 KB)": the link says what the reader is about to get (1 KB = 1,024 bytes). */
export function pdfLinkLabel(pages: number, bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / 1024));
  return `Download PDF (${pages} ${pages === 1 ? "page" : "pages"}, ${kb.toLocaleString("en-GB")} KB)`;
}
