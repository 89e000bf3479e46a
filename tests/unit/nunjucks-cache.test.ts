import nunjucks from "nunjucks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheCompiledTemplates, compileKey, type NunjucksTemplateClass } from "../../src/templates/nunjucks-cache.ts";

// The build patches the same class (.eleventy.ts); patching twice changes nothing.
cacheCompiledTemplates(nunjucks.Template as unknown as NunjucksTemplateClass);
cacheCompiledTemplates(nunjucks.Template as unknown as NunjucksTemplateClass);

const render = (env: InstanceType<typeof nunjucks.Environment>, text: string, path: string, context: object): string =>
  new nunjucks.Template(text, env, path).render(context);

describe("Nunjucks templates compiled once", () => {
  afterEach(() => vi.restoreAllMocks());

  it("compiles a page template once for every page that renders it, and each page still gets its own data", () => {
    const compile = vi.spyOn(nunjucks.compiler, "compile");
    const env = new nunjucks.Environment();
    const text = "<h1>{{ section.title }}</h1>{% for c in section.clauses %}<h2>{{ c }}</h2>{% endfor %}";
    const pages = ["Cookies", "Sharing", "Security"].map((title, i) =>
      render(env, text, "./pages/section.njk", {
        section: { title, clauses: Array.from({ length: i }, (_, n) => `c${n}`) },
      }),
    );
    expect(pages).toEqual([
      "<h1>Cookies</h1>",
      "<h1>Sharing</h1><h2>c0</h2>",
      "<h1>Security</h1><h2>c0</h2><h2>c1</h2>",
    ]);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it("compiles again for a changed text, another path or an environment that compiles differently", () => {
    const compile = vi.spyOn(nunjucks.compiler, "compile");
    const env = new nunjucks.Environment();
    expect(render(env, "a {{ x }}", "one.njk", { x: 1 })).toBe("a 1");
    expect(render(env, "b {{ x }}", "one.njk", { x: 2 })).toBe("b 2");
    expect(render(env, "a {{ x }}", "two.njk", { x: 3 })).toBe("a 3");
    expect(render(new nunjucks.Environment(null, { autoescape: false }), "a {{ x }}", "one.njk", { x: "<" })).toBe(
      "a <",
    );
    const withAsyncFilter = new nunjucks.Environment();
    withAsyncFilter.addFilter("later", (value: string, done: (e: null, v: string) => void) => done(null, value), true);
    expect(render(withAsyncFilter, "a {{ x }}", "one.njk", { x: "<" })).toBe("a &lt;");
    expect(render(env, "a {{ x }}", "one.njk", { x: 5 })).toBe("a 5");
    expect(compile).toHaveBeenCalledTimes(5);
  });

  it("shares the compiled template with a new environment made alike, as each build of `npm start` makes one", () => {
    const compile = vi.spyOn(nunjucks.compiler, "compile");
    const text = "{{ x | upper }} {% if x %}yes{% endif %}";
    const builds = [1, 2, 3].map((n) => render(new nunjucks.Environment(), text, "shared.njk", { x: `build ${n}` }));
    expect(builds).toEqual(["BUILD 1 yes", "BUILD 2 yes", "BUILD 3 yes"]);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it("keeps blocks working in every copy", () => {
    const env = new nunjucks.Environment();
    const text = "[{% block body %}default {{ n }}{% endblock %}]";
    expect([1, 2].map((n) => render(env, text, "blocks.njk", { n }))).toEqual(["[default 1]", "[default 2]"]);
  });

  it("keys a compiled template by the settings it is compiled with, its path and its text", () => {
    const env = { opts: { autoescape: true }, asyncFilters: [], extensionsList: [] };
    expect(compileKey(env, "a.njk", "x")).not.toBe(compileKey(env, "b.njk", "x"));
    expect(compileKey(env, "a.njk", "x")).not.toBe(compileKey(env, "a.njk", "y"));
    expect(compileKey(env, null, "x")).toBe(compileKey(env, undefined, "x"));
    expect(compileKey(env, "a.njk", "x")).toBe(compileKey({ ...env, opts: { autoescape: true } }, "a.njk", "x"));
    expect(compileKey(env, "a.njk", "x")).not.toBe(compileKey({ ...env, opts: { autoescape: false } }, "a.njk", "x"));
    expect(compileKey(env, "a.njk", "x")).not.toBe(compileKey({ ...env, asyncFilters: ["later"] }, "a.njk", "x"));
    expect(compileKey(env, "a.njk", "x")).not.toBe(
      compileKey({ ...env, extensionsList: [{ tags: ["note"] }] }, "a.njk", "x"),
    );
  });
});
