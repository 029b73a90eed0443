/**
 * Every regular expression in lib/ (lib/tools/ included) runs in linear time on hostile text (issue 18, item 6). A page
 * controls the text these patterns read: one that backtracks over the whole input at each position
 * (CORE_RE on "111.111.111…" once) freezes the page.
 *
 * The budget is a ratio, never a wall-clock limit: the time a pattern takes on an input 8 times longer
 * grows about 16 times if it is linear and about 256 times if it is quadratic. That growth is compared
 * with the growth of a linear baseline scan of the same two inputs, measured in the same run.
 *
 * Each pattern runs as lib/ uses it: a sticky one (flag y) is tried at one position, as stickyAt does;
 * any other is run over the whole text for every match, as a scanner or a failing .test() does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../../lib/tools/node/knowledge-files';

// lib/tools/ included: the command-line tools read files anyone can hand them.
const LIB = join(PROJECT_ROOT, 'lib');
const SHORT = 2_000;
const LONG = SHORT * 16;
/** Linear: growth ≈ the baseline's (16×). Quadratic: ≈ 16 times the baseline's; allocation and collection add some. */
const MAX_GROWTH_OVER_BASELINE = 6;
/** Below this a run over LONG characters cannot be quadratic (that takes hundreds of ms): not timed further. */
const CLEARLY_FAST_MS = 2;

/** Hostile units, each repeated to the input's length: digits with separators, words, spaces, marks. */
const UNITS = [
  '1',
  '1.',
  '11.',
  '111.',
  '1,',
  '111,',
  '1.1',
  '1,1',
  '1 ',
  '1-',
  '1:',
  '1/',
  '$1',
  '1%',
  'a',
  'A',
  'a ',
  'A.',
  'a.',
  'aA',
  'a-',
  'ab.',
  'U.S.',
  'no ',
  'one ',
  'one-',
  'one and ',
  'a hundred ',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2029',
  '.',
  ',',
  '-',
  '%',
  '$',
  '€',
  "'",
  '"',
  '’',
  '&',
  '<',
  '<a',
  '\\',
  '/',
  '#',
  ':',
  '(',
  'é',
  'e\u0301',
  'de ',
  'mil ',
  'por ',
  'x1',
  '1x',
];

function libFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return libFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The regular expression literals of a source file, found with the TypeScript scanner. */
function literalsIn(path: string): RegExp[] {
  const found: RegExp[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      found.push(new Function(`return ${node.getText()}`)() as RegExp);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));
  return found;
}

/** Patterns built with `new RegExp(...)` when lib/'s modules load, recorded by a RegExp subclass. */
async function constructedPatterns(files: readonly string[]): Promise<RegExp[]> {
  const seen: RegExp[] = [];
  const Original = globalThis.RegExp;
  class Recording extends Original {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      seen.push(new Original(pattern, flags));
    }
  }
  vi.resetModules();
  globalThis.RegExp = Recording as RegExpConstructor;
  try {
    // The command-line entry points run when imported; the modules they use are imported on their own.
    for (const file of files) if (!file.includes('/cli/')) await import(file);
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

/** Every match of the pattern over the text, as a scanner using it with the global flag finds them. */
function scanAll(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
  let count = 0;
  for (const match of text.matchAll(global)) count += match.index >= 0 ? 1 : 0;
  return count;
}

/** How lib/ runs the pattern: a sticky one at the start of the text, any other over all of it. */
function runAsUsed(pattern: RegExp): (text: string) => unknown {
  if (!pattern.sticky) return (text) => scanAll(pattern, text);
  return (text) => {
    pattern.lastIndex = 0;
    return pattern.exec(text);
  };
}

const BASELINE = /[\s\S]/g;

function fastest(run: () => unknown, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const inputs = (unit: string) => ({
  short: unit.repeat(Math.ceil(SHORT / unit.length)),
  long: unit.repeat(Math.ceil(LONG / unit.length)),
});

const baselineGrowths = new Map<string, number>();
/** The baseline's growth for `unit`, measured once; `fresh` measures it again (a retry after a slow reading). */
function baselineGrowth(unit: string, fresh = false): number {
  let growth = fresh ? undefined : baselineGrowths.get(unit);
  if (growth === undefined) {
    const { short, long } = inputs(unit);
    growth = fastest(() => scanAll(BASELINE, long), 5) / fastest(() => scanAll(BASELINE, short), 5);
    baselineGrowths.set(unit, growth);
  }
  return growth;
}

/**
 * How much faster than the baseline's the time of `run` grows from SHORT to LONG characters of
 * `unit`; undefined when one run over LONG characters is too fast to be anything but linear.
 */
export function growthOverBaseline(run: (text: string) => unknown, unit: string, retry = false): number | undefined {
  const { short, long } = inputs(unit);
  if (fastest(() => run(long), 1) < CLEARLY_FAST_MS) return undefined;
  const patternGrowth =
    fastest(() => run(long), retry ? 5 : 3) /
    Math.max(
      fastest(() => run(short), 5),
      0.01,
    );
  return patternGrowth / baselineGrowth(unit, retry);
}

describe('every regular expression in lib/ (lib/tools/ included) is linear on hostile input', () => {
  it('each literal and each constructed pattern, on every hostile unit', { timeout: 300_000 }, async () => {
    const files = libFiles(LIB);
    const patterns = [
      ...files.flatMap((file) => literalsIn(file).map((pattern) => ({ file, pattern }))),
      ...(await constructedPatterns(files)).map((pattern) => ({ file: 'new RegExp', pattern })),
    ];
    // The scan must see the patterns that matter here, not an empty list.
    expect(patterns.length).toBeGreaterThan(60);
    expect(patterns.some(({ pattern }) => pattern.source.includes('(?:\\.\\d{3})'))).toBe(true);
    const slow: string[] = [];
    for (const { file, pattern } of patterns) {
      for (const unit of UNITS) {
        // A collection pause or a busy machine can skew one measurement, the baseline's too: a pattern
        // is slow only if three say so, each retry measuring both again.
        let growth = growthOverBaseline(runAsUsed(pattern), unit) ?? 0;
        for (let again = 0; again < 2 && growth > MAX_GROWTH_OVER_BASELINE; again++) {
          growth = Math.min(growth, growthOverBaseline(runAsUsed(pattern), unit, true) ?? 0);
        }
        if (growth > MAX_GROWTH_OVER_BASELINE) {
          slow.push(
            `${relative(PROJECT_ROOT, file)} ${String(pattern).slice(0, 80)} on ${JSON.stringify(unit)}: ${growth.toFixed(1)}×`,
          );
          break;
        }
      }
    }
    expect(slow).toEqual([]);
  });
});

describe('the figure reader is linear on hostile input', () => {
  it('extractFigures on every hostile unit', { timeout: 120_000 }, async () => {
    const { extractFigures } = await import('../../../lib/claims/figures');
    expect(extractFigures('Spain seized 1.500.000 euros')).toMatchObject([{ value: 1_500_000, currency: 'EUR' }]);
    const slow = UNITS.flatMap((unit) => {
      let growth = growthOverBaseline(extractFigures, unit) ?? 0;
      for (let again = 0; again < 2 && growth > MAX_GROWTH_OVER_BASELINE; again++) {
        growth = Math.min(growth, growthOverBaseline(extractFigures, unit, true) ?? 0);
      }
      return growth > MAX_GROWTH_OVER_BASELINE ? [`${JSON.stringify(unit)}: ${growth.toFixed(1)}×`] : [];
    });
    expect(slow).toEqual([]);
  });
});
