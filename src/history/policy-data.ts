import { createHash } from "node:crypto";
import { generatedIds } from "../content/ids.ts";
import type { Site } from "../content/site-json.ts";
import { publicUrl } from "../lib/urls.ts";
import type { Section } from "../render/policy.ts";
import { bodyBlocks, type TextBlock } from "./text-blocks.ts";

/**
 * A version's text as data (`/history/<date>/policy.json`, schema in schemas/policy.schema.json):
 * for watchdogs and archivists who track the policy with tools. Its sections and clauses carry
 * the ids the pages use, which the version lock keeps from one version to the next, so an id
 * means the same clause in every version's data. The text is the text readers read (as the
 * compare view reads it, src/history/text-blocks.ts); summaries are no part of the policy and are
 * left out. Every value is the same on every build of the same content.
 */

/** A section or a clause: its heading, its own text (before its first sub-clause) and a hash of both. */
export interface TextNode {
  id: string;
  /** As the pages number it: "3" for a section, "3.b" for a clause, "3.b.ii" below it. */
  number: string;
  heading: string;
  /** Its paragraphs, list items and table cells, one per line pair ("\n\n"), markup dropped, link targets kept. */
  text: string;
  /** "sha256:" and the hex SHA-256 of the UTF-8 bytes of heading, "\n\n", then text. */
  hash: string;
  /** Its address on the version's page. */
  url: string;
  clauses: TextNode[];
}

export interface SectionData extends TextNode {
  /** Retired clause ids that still land here, each with the clause id that replaced it. */
  aliases: Record<string, string>;
  /** The section's notes (footnotes), numbered as the pages number them. */
  notes: Array<{ id: string; number: number; text: string }>;
}

/** The facts of a version the document states. */
export interface DataVersion {
  effectiveDate: string;
  announced?: string;
  summary: string;
  url: string;
  previous: { effectiveDate: string } | null;
  changeNotes: Record<string, string>;
  corrections: ReadonlyArray<{ date: string; note: string; sections: ReadonlyArray<{ id: string }> }>;
  policy: { sections: Section[] };
}

/** "sha256:<hex>" of a node's heading and text. */
export const nodeHash = (heading: string, text: string): string =>
  `sha256:${createHash("sha256").update(`${heading}\n\n${text}`, "utf8").digest("hex")}`;

const node = (id: string, number: string, heading: string, url: string): TextNode & { parts: string[] } => ({
  id,
  number,
  heading,
  text: "",
  hash: "",
  url: `${url}#${id}`,
  clauses: [],
  parts: [],
});

/** Gives each node its text and hash, and drops the working list of its parts. */
function finish(n: TextNode & { parts?: string[] }): TextNode {
  const { parts = [], clauses, ...rest } = n;
  const text = parts.join("\n\n");
  return { ...rest, text, hash: nodeHash(rest.heading, text), clauses: clauses.map(finish) };
}

/** A section's clause tree from its blocks: each heading opens a clause under the nearest one above its level. */
export function sectionData(section: Section, versionUrl: string, blocks: TextBlock[] = bodyBlocks(section.body)) {
  const numbers = new Map(section.inPolicy.clauses.map((c) => [c.id, c.number]));
  const root = node(section.id, String(section.position), section.title.trim(), versionUrl);
  const open: Array<{ level: number; node: ReturnType<typeof node> }> = [{ level: 1, node: root }];
  const notes: SectionData["notes"] = [];
  for (const block of blocks) {
    if (block.note !== undefined) {
      const last = notes.at(-1);
      if (last?.number === block.note) last.text += `\n\n${block.text}`;
      else notes.push({ id: generatedIds.note(section.id, block.note), number: block.note, text: block.text });
    } else if (block.kind === "heading") {
      const level = block.level ?? 2;
      while (open.length > 1 && open.at(-1)!.level >= level) open.pop();
      const clause = node(block.id ?? "", numbers.get(block.id ?? "") ?? "", block.text, versionUrl);
      open.at(-1)!.node.clauses.push(clause);
      open.push({ level, node: clause });
    } else {
      open.at(-1)!.node.parts.push(block.text);
    }
  }
  return { ...finish(root), aliases: { ...(section.aliases ?? {}) }, notes } satisfies SectionData;
}

/** The whole document of one version. */
export function policyDocument(version: DataVersion, site: Site) {
  const url = publicUrl(site, version.url);
  return {
    $schema: publicUrl(site, "/history/policy.schema.json"),
    policyName: site.policyName,
    documentTitle: site.documentTitle,
    organisation: site.organisation,
    lang: site.lang,
    effectiveDate: version.effectiveDate,
    ...(version.announced ? { announcedOn: version.announced } : {}),
    previousVersion: version.previous?.effectiveDate ?? null,
    summary: version.summary,
    url,
    markdownUrl: `${url}policy.md`,
    provenance: { ...site.provenance },
    changeNotes: { ...version.changeNotes },
    corrections: version.corrections.map(({ date, note, sections }) => ({
      date,
      note,
      sections: sections.map((s) => s.id),
    })),
    sections: version.policy.sections.map((section) => sectionData(section, url)),
  };
}
