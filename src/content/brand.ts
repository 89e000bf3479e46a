import { createRequire } from "node:module";
import type Color from "colorjs.io";

/**
 * A colour, with colorjs.io read from its one-file CommonJS build when first needed: its ES module
 * build is a hundred small files, which took about 0.09 s to load on every build, a brand colour
 * or not (docs/performance.md, round 8). The same version of the same code.
 */
function colourOf(value: string | Color): Color {
  const { default: ColorClass } = createRequire(import.meta.url)("colorjs.io") as { default: typeof Color };
  return new ColorClass(value);
}

/**
 * An organisation's accent colour, checked before it reaches a page: the accent is the colour of
 * links, focus rings and the search button, so it must read as text (WCAG 1.4.3, 4.5:1) on every
 * background it meets, in the light and the dark scheme. A colour that fails is refused with the
 * pair and the ratio, and a shade of it that passes.
 */

/** The backgrounds the accent meets, as assets/site.css defines them (a unit test keeps the two equal). */
export const BACKGROUNDS = {
  light: { "--bg": "#ffffff", "--surface": "#f3f5f8", "--notice-bg": "#fff4d6" },
  dark: { "--bg": "#121417", "--surface": "#1c2027", "--notice-bg": "#3a2e10" },
} as const;

const WHERE: Record<string, string> = {
  "--bg": "the page background",
  "--surface": "the header, footer and contents background",
  "--notice-bg": "the warning callout background",
};

export const TEXT_CONTRAST = 4.5;

export type Scheme = keyof typeof BACKGROUNDS;

/** A CSS colour as #rrggbb, or undefined when it is not an opaque CSS colour. */
export function parseColour(text: string): string | undefined {
  try {
    const colour = colourOf(text);
    if (colour.alpha.valueOf() !== 1) return undefined;
    return colour.to("srgb").toGamut().toString({ format: "hex", collapse: false });
  } catch {
    return undefined;
  }
}

const ratio = (a: string, b: string): number => colourOf(a).contrast(colourOf(b), "WCAG21");

export interface ContrastFailure {
  scheme: Scheme;
  background: string;
  where: string;
  ratio: number;
}

/** Every background of a scheme on which the colour does not reach 4.5:1. */
export function contrastFailures(colour: string, scheme: Scheme): ContrastFailure[] {
  return Object.entries(BACKGROUNDS[scheme])
    .map(([name, background]) => ({ scheme, background, where: WHERE[name], ratio: ratio(colour, background) }))
    .filter((pair) => pair.ratio < TEXT_CONTRAST);
}

/** The nearest shade that passes: darker for the light scheme, lighter for the dark one. */
export function passingShade(colour: string, scheme: Scheme): string {
  const towards = scheme === "light" ? "black" : "white";
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const shade = colourOf(colour).mix(towards, amount, { space: "srgb" }).to("srgb");
    const hex = shade.toString({ format: "hex", collapse: false });
    if (contrastFailures(hex, scheme).length === 0) return hex;
  }
  return towards === "black" ? "#000000" : "#ffffff";
}

/**
 * What the stylesheet gets: the accent for links, focus and buttons, on screens only (print stays
 * black), and the logo's size in the header when there is one (its width and height attributes
 * reserve its box, so nothing moves). A site without a brand pays nothing for either.
 */
export function brandCss(accent: { light: string; dark: string }, withLogo = false): string {
  return [
    `@media screen{:root{--link:${accent.light};--focus:${accent.light}}}`,
    `@media screen and (prefers-color-scheme:dark){:root{--link:${accent.dark};--focus:${accent.dark}}}`,
    ...(withLogo ? [".site-name__logo{width:auto;height:2rem;margin-right:.5rem;vertical-align:middle}"] : []),
  ].join("\n");
}

/** “#7a1fa2 on the page background (#121417) in the dark scheme: 2.3:1, below 4.5:1”. */
export function describeFailure(colour: string, failure: ContrastFailure): string {
  return `${colour} on ${failure.where} (${failure.background}) in the ${failure.scheme} scheme: ${failure.ratio.toFixed(2)}:1, below ${TEXT_CONTRAST}:1`;
}
