/**
 * Eleventy 3.1 opts Nunjucks out of its template compile cache (11ty/eleventy#3807, #3819) and
 * makes a new `nunjucks.Template` for every page it renders, so a paginated template such as
 * pages/section.njk is compiled again for each section: 0.6 of the 1.6 s Eleventy took for a
 * 1,000-section policy (docs/performance.md). Nunjucks compiles a template's text into plain
 * render functions; this keeps them by environment, path and text, so each template is compiled
 * once and a changed one (`npm start`) is compiled afresh.
 */

/** The parts of `nunjucks.Template` this relies on (nunjucks 3.2, src/environment.js). */
export interface NunjucksTemplateClass {
  prototype: {
    _compile(this: CompilingTemplate): void;
  };
}

interface CompilingTemplate {
  env: object;
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

/** What a compiled template is kept under: the same text at the same path compiles to the same functions. */
export function compileKey(path: string | null | undefined, text: string): string {
  return `${path ?? ""}\u0000${text}`;
}

/** Makes `Template` compile each distinct template once per environment; calling it again changes nothing. */
export function cacheCompiledTemplates(Template: NunjucksTemplateClass): void {
  const proto = Template.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const compile = proto._compile;
  const byEnv = new WeakMap<object, Map<string, Compiled>>();
  proto._compile = function (this: CompilingTemplate) {
    if (typeof this.tmplStr !== "string") return compile.call(this);
    const cache = byEnv.get(this.env) ?? new Map<string, Compiled>();
    byEnv.set(this.env, cache);
    const key = compileKey(this.path, this.tmplStr);
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
