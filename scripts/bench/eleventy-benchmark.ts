/** One line of Eleventy's own benchmark, printed when DEBUG=Eleventy:Benchmark* is set. */
export interface EleventyBenchmark {
  ms: number;
  count: number;
  /** "Aggregate" or "Configuration" (filters, transforms, plugins). */
  group: string;
  name: string;
}

const LINE = /Benchmark\s+(\d+)ms\s+\d+%\s+(\d+)×\s+\(([^)]+)\)\s+(.+?)\s*$/;

/**
 * Eleventy's benchmark lines from a build's stderr, slowest first. Only Eleventy knows how its
 * time splits between rendering, filters and writing; its debug output is the one place it says.
 * https://www.11ty.dev/docs/debugging/
 */
export function parseEleventyBenchmarks(stderr: string): EleventyBenchmark[] {
  return stderr
    .split("\n")
    .map((line) => LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ ms: Number(match[1]), count: Number(match[2]), group: match[3], name: match[4] }))
    .sort((a, b) => b.ms - a.ms);
}
