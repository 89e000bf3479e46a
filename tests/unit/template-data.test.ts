import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../src/templates/template-data.ts";

describe("the data handed to the templates", () => {
  it("is frozen through every plain object and array, so Eleventy neither copies nor wraps it", () => {
    const data = { site: { name: "x" }, sections: [{ id: "a", clauses: [{ id: "b" }] }] };
    expect(deepFreeze(data)).toBe(data);
    for (const value of [data, data.site, data.sections, data.sections[0], data.sections[0].clauses[0]])
      expect(Object.isFrozen(value)).toBe(true);
    expect(() => {
      (data.sections[0].clauses[0] as { id: string }).id = "c";
    }).toThrow(TypeError);
  });

  it("leaves a Map, a Buffer and a class instance as they are", () => {
    class Asset {
      url = "/a.css";
    }
    const data = { map: new Map([["k", { v: 1 }]]), bytes: Buffer.from("x"), asset: new Asset() };
    deepFreeze(data);
    expect(Object.isFrozen(data)).toBe(true);
    expect([data.map, data.bytes, data.asset].map(Object.isFrozen)).toEqual([false, false, false]);
    expect(Object.isFrozen(data.map.get("k"))).toBe(false);
  });
});
