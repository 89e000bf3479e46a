/**
 * Eleventy 3.1 opts Nunjucks out of its template compile cache (11ty/eleventy#3807, #3819) and
 * makes a new `nunjucks.Template` for every page it renders, so a paginated template such as
 * pages/section.njk is compiled again for each section: 0.6 of the 1.6 s Eleventy took for a
 * 1,000-section policy (docs/performance.md). Nunjucks compiles a template's text into plain
 * render functions; this keeps them by the settings they were compiled with, path and text, so each
 * template is compiled once per process, and a changed one (`npm start`) is compiled afresh.
 *
 * Each build is a new Eleventy run with a new environment, so keying by the environment itself
 * would compile every template again on every rebuild of `npm start`. What compiling reads of the
 * environment is its options, its async filters and its extensions' tags (nunjucks 3.2,
 * src/environment.js `Template._compile`); the render functions take the environment as an
 * argument when they run, so environments made alike can share them.
 */

/** The parts of `nunjucks.Template` this relies on (nunjucks 3.2, src/environment.js). */
export interface NunjucksTemplateClass {
  prototype: {
    _compile(this: CompilingTemplate): void;
  };
}

/** What compiling reads of a `nunjucks.Environment`. */
export interface CompilingEnvironment {
  opts?: object;
  asyncFilters?: readonly string[];
  extensionsList?: ReadonlyArray<{ tags?: readonly string[] }>;
}

interface CompilingTemplate {
  env: CompilingEnvironment;
  path?: string | null;
  tmplStr?: unknown;
  blocks?: unknown;
  rootRenderFunc?: unknown;
  compiled?: boolean;
}

interface Compiled {
  blocks: unknown;
  rootRenderFunc: unknown;
}

const patched = new WeakSet<object>();

/** What a compiled template is kept under: the same text at the same path, compiled alike, gives the same functions. */
export function compileKey(env: CompilingEnvironment, path: string | null | undefined, text: string): string {
  const settings = JSON.stringify([env.opts, env.asyncFilters, env.extensionsList?.map((extension) => extension.tags)]);
  return `${settings}\u0000${path ?? ""}\u0000${text}`;
}

/** Makes `Template` compile each distinct template once; calling it again changes nothing. */
export function cacheCompiledTemplates(Template: NunjucksTemplateClass): void {
  const proto = Template.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const compile = proto._compile;
  const cache = new Map<string, Compiled>();
  proto._compile = function (this: CompilingTemplate) {
    if (typeof this.tmplStr !== "string") return compile.call(this);
    const key = compileKey(this.env, this.path, this.tmplStr);
    const kept = cache.get(key);
    if (kept) {
      // A render copies the blocks into its own context, so templates can share them.
      Object.assign(this, kept, { compiled: true });
      return;
    }
    compile.call(this);
    cache.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
  };
}
