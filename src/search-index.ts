import * as pagefind from "pagefind";

export interface SearchIndexResult {
  pages: number;
}

/**
 * Indexes the built site with Pagefind and writes its bundle to `<siteDir>/pagefind/`.
 * Only elements marked `data-pagefind-body` are indexed (the section pages), so the whole-policy
 * page never shows up as a duplicate result. https://pagefind.app/docs/indexing/
 */
export async function buildSearchIndex(siteDir: string, language = "en"): Promise<SearchIndexResult> {
  const errors: string[] = [];
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: language });
    errors.push(...createErrors);
    if (!index) throw new Error("no index was created");
    const added = await index.addDirectory({ path: siteDir });
    errors.push(...added.errors);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    errors.push(...written.errors);
    if (errors.length > 0) throw new Error(errors.join("\n"));
    return { pages: added.page_count };
  } catch (cause) {
    throw new Error(`Failed to build the search index of ${siteDir}.`, { cause });
  } finally {
    await pagefind.close();
  }
}
