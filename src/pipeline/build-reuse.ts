import { rm } from "node:fs/promises";
import { closeSearchService } from "../search/search-index.ts";
import { AssetSources } from "../templates/asset-sources.ts";
import { type Asset, assetSettingsKey, collectAssets, type ExtraAssets } from "../templates/assets.ts";

/**
 * What one build of `npm start` hands to the next. It builds the whole site again on every save,
 * and some of that work gives the same result every time: the assets (esbuild bundles the search
 * page's and the compare view's scripts) and Pagefind's process (started anew for each index).
 * Saving a section changes neither, so a rebuild keeps them and spends its time on what changed;
 * a build given one keeps Pagefind's process for the next (src/search/search-index.ts).
 * `npm run build` builds once and keeps nothing.
 */
export class BuildReuse {
  #assets: { settings: string; sources: AssetSources; assets: Record<string, Asset> } | undefined;
  #removing: Promise<void> = Promise.resolve();

  /**
   * The assets as the last build collected them, while every file they were made from holds the
   * same bytes and the path prefix and the site's extras are the same; otherwise collected afresh.
   */
  async assets(dir: string, pathPrefix: string, extra: ExtraAssets): Promise<Record<string, Asset>> {
    const settings = assetSettingsKey(pathPrefix, extra);
    const kept = this.#assets;
    if (kept && kept.settings === settings && kept.sources.unchanged()) return kept.assets;
    this.#assets = undefined;
    const sources = new AssetSources();
    const assets = await collectAssets(dir, pathPrefix, extra, sources);
    this.#assets = { settings, sources, assets };
    return assets;
  }

  /**
   * Removes the site a swap replaced while the browser already loads the new one; the next build
   * waits for it in `removed` before its own swap, which uses the same name.
   */
  removeLater(dir: string): void {
    const removing = this.#removing.then(() => rm(dir, { recursive: true, force: true }));
    removing.catch(() => {}); // Not lost: `removed` hands a failure to the next build, which reports it.
    this.#removing = removing;
  }

  /** Resolves once every site handed to `removeLater` is gone, or rejects with why one is not. */
  removed(): Promise<void> {
    const removing = this.#removing;
    this.#removing = Promise.resolve();
    return removing;
  }

  /** Stops Pagefind's process and finishes removing old sites; the next build starts from nothing. */
  async close(): Promise<void> {
    this.#assets = undefined;
    await this.removed();
    await closeSearchService();
  }
}
