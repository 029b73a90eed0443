// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { FIRST_PAINT_MEASURE, SCAN_MEASURE, createPageScanner } from '../../../../lib/dom/page-scanner';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { localFinder } from '../../../../lib/matcher/text-finder';

const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));

type Snapshot = Map<string, string[]>;

/**
 * happy-dom has no CSS Custom Highlight API: a minimal one that records what each paint registered
 * (range text and position), so that the scanner paints as it does in Chromium.
 */
function fakeHighlightApi(): Snapshot[] {
  const paints: Snapshot[] = [];
  const registry = new Map<string, Set<Range>>();
  const describe = (range: Range) =>
    `${range.toString()}@${range.startContainer.textContent?.slice(0, 24)}:${range.startOffset}`;
  const record = () => paints.push(new Map([...registry].map(([name, set]) => [name, [...set].map(describe)])));
  const highlights = {
    get: (name: string) => registry.get(name),
    delete: (name: string) => registry.delete(name),
    set(name: string, highlight: Set<Range>) {
      registry.set(name, highlight);
      // Each paint sets the claim group, then the entity group.
      if (name === 'backstory-entity') record();
    },
  };
  // happy-dom's window.CSS is a getter that makes a new object on every read.
  Object.defineProperty(window, 'CSS', { value: { highlights }, configurable: true });
  (window as unknown as { Highlight: unknown }).Highlight = class extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  };
  return paints;
}

/** A long article: names in its first paragraphs, filler, then more names far below. */
function longArticle(): void {
  const paragraph = (text: string) => `<p>${text}</p>`;
  const filler = 'The committee met again on Tuesday to discuss the harbour budget and the new ferry timetable. ';
  document.body.innerHTML = [
    paragraph('Nicolás Maduro spoke in Caracas as Gustavo Petro answered from Bogotá.'),
    paragraph('Pete Hegseth defended the strikes on boats said to carry cocaine.'),
    ...Array.from({ length: 600 }, () => paragraph(filler)),
    paragraph('Later, Maduro met Claudia Sheinbaum; the Tren de Aragua was named again.'),
  ].join('');
}

afterEach(() => {
  document.body.innerHTML = '';
  performance.clearMeasures();
});

describe('first paint on a long page', () => {
  it('paints the top before the rest is read, and takes nothing back at the end', async () => {
    const paints = fakeHighlightApi();
    longArticle();
    const scanner = createPageScanner(document, localFinder(matcher));
    expect(scanner.painter.kind).toBe('highlight-api');
    const found = await scanner.scan();
    scanner.stop();

    expect(paints.length).toBe(2);
    const [early, final] = paints.map((paint) => paint.get('backstory-entity')!);
    expect(early).toEqual(expect.arrayContaining([expect.stringMatching(/^Nicolás Maduro@/)]));
    expect(early!.some((text) => text.startsWith('Claudia Sheinbaum'))).toBe(false);
    expect(final).toEqual(expect.arrayContaining(early!));
    expect(final!.some((text) => text.startsWith('Claudia Sheinbaum'))).toBe(true);
    expect(found.entities.length).toBe(final!.length);

    const [firstPaint] = performance.getEntriesByName(FIRST_PAINT_MEASURE);
    const [scan] = performance.getEntriesByName(SCAN_MEASURE);
    expect(firstPaint!.startTime + firstPaint!.duration).toBeLessThanOrEqual(scan!.startTime + scan!.duration);
  });

  it('paints the complete blocks of its first reading step on a page with many nodes but little text', async () => {
    const paints = fakeHighlightApi();
    // 2,000 short paragraphs (over 4,000 nodes, about 14,000 characters: one text slice); a name near the
    // end of the first reading step's nodes, one far below it.
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>Item ${i}.</p>`);
    paragraphs[0] = '<p>Nicolás Maduro spoke in Caracas.</p>';
    paragraphs[1800] = '<p>Claudia Sheinbaum answered from Mexico City.</p>';
    document.body.innerHTML = paragraphs.join('');
    const scanner = createPageScanner(document, localFinder(matcher));
    await scanner.scan();
    scanner.stop();

    expect(paints.length).toBe(2);
    const [early, final] = paints.map((paint) => paint.get('backstory-entity')!);
    expect(early).toEqual(expect.arrayContaining([expect.stringMatching(/^Nicolás Maduro@/)]));
    expect(early!.some((text) => text.startsWith('Claudia Sheinbaum'))).toBe(false);
    expect(final).toEqual(expect.arrayContaining([...early!, expect.stringMatching(/^Claudia Sheinbaum@/)]));
    expect(performance.getEntriesByName(FIRST_PAINT_MEASURE)).toHaveLength(1);
  });

  it('paints early no more than one text slice of the first reading step', async () => {
    const paints = fakeHighlightApi();
    const long = 'The committee met again on Tuesday to discuss the harbour budget and the ferry timetable. '.repeat(3);
    const paragraphs = Array.from({ length: 100 }, () => `<p>${long}</p>`);
    paragraphs[0] = '<p>Nicolás Maduro spoke in Caracas.</p>';
    // About 23,000 characters in: past the first text slice, but within the first reading step's nodes.
    paragraphs[85] = '<p>Claudia Sheinbaum answered from Mexico City.</p>';
    const short = Array.from({ length: 2000 }, (_, i) => `<p>Item ${i}.</p>`);
    document.body.innerHTML = [...paragraphs, ...short].join('');
    const scanner = createPageScanner(document, localFinder(matcher));
    await scanner.scan();
    scanner.stop();

    const [early, final] = paints.map((paint) => paint.get('backstory-entity')!);
    expect(early).toEqual(expect.arrayContaining([expect.stringMatching(/^Nicolás Maduro@/)]));
    expect(early!.some((text) => text.startsWith('Claudia Sheinbaum'))).toBe(false);
    expect(final!.some((text) => text.startsWith('Claudia Sheinbaum'))).toBe(true);
  });

  it('paints nothing early from a block its first reading step has not read to the end', async () => {
    const paints = fakeHighlightApi();
    const spans = Array.from({ length: 2000 }, (_, i) => `<span>part ${i}</span> `);
    document.body.innerHTML = `<p>Nicolás Maduro spoke. ${spans.join('')}</p>`;
    const scanner = createPageScanner(document, localFinder(matcher));
    await scanner.scan();
    scanner.stop();
    expect(paints.length).toBe(1);
    expect(paints[0]!.get('backstory-entity')).toEqual([expect.stringMatching(/^Nicolás Maduro@/)]);
  });

  it('measures the first highlight at the end when the early top shows none', async () => {
    const paints = fakeHighlightApi();
    // The first reading step's complete blocks hold no name; one comes far below.
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>Item ${i}.</p>`);
    paragraphs[1800] = '<p>Claudia Sheinbaum answered from Mexico City.</p>';
    document.body.innerHTML = paragraphs.join('');
    // When each paint happened.
    const highlights = (window as unknown as { CSS: { highlights: { set(name: string, h: unknown): void } } }).CSS
      .highlights;
    const set = highlights.set.bind(highlights);
    const paintedAt: number[] = [];
    highlights.set = (name, highlight) => {
      set(name, highlight);
      if (name === 'backstory-entity') paintedAt.push(performance.now());
    };
    const scanner = createPageScanner(document, localFinder(matcher));
    await scanner.scan();
    scanner.stop();

    expect(paints.length).toBe(2);
    expect(paints[0]!.get('backstory-entity')).toEqual([]);
    expect(paints[1]!.get('backstory-entity')).toEqual([expect.stringMatching(/^Claudia Sheinbaum@/)]);
    const [firstPaint] = performance.getEntriesByName(FIRST_PAINT_MEASURE);
    expect(firstPaint!.startTime + firstPaint!.duration).toBeGreaterThanOrEqual(paintedAt[1]!);
  });

  it('paints once, at the end, on a short page', async () => {
    const paints = fakeHighlightApi();
    document.body.innerHTML = '<p>Nicolás Maduro spoke in Caracas as Gustavo Petro answered from Bogotá.</p>';
    const scanner = createPageScanner(document, localFinder(matcher));
    await scanner.scan();
    scanner.stop();
    expect(paints.length).toBe(1);
    expect(performance.getEntriesByName(FIRST_PAINT_MEASURE)).toHaveLength(1);
  });
});

describe('one pass of work per finding on a long page', () => {
  it('keeps the early paint’s ranges, asks isShown once per finding, and reports once', async () => {
    fakeHighlightApi();
    longArticle();
    const asked = new Map<Range, number>();
    const reports: number[] = [];
    const scanner = createPageScanner(document, localFinder(matcher), {
      isShown: (hit) => {
        asked.set(hit.finding.range, (asked.get(hit.finding.range) ?? 0) + 1);
        return true;
      },
      onScan: (shown) => reports.push(shown.entities.length),
    });
    const found = await scanner.scan();
    scanner.findings();
    scanner.findings();
    scanner.stop();

    const ranges = [...found.entities, ...found.claims].map((f) => f.range);
    expect(found.entities.some((f) => f.range.toString() === 'Claudia Sheinbaum')).toBe(true);
    // Every range asked about is a final finding's: the early ones were kept, not made again.
    expect([...asked.keys()].every((range) => ranges.includes(range))).toBe(true);
    expect([...asked.values()].every((times) => times === 1)).toBe(true);
    expect(asked.size).toBe(ranges.length);
    expect(reports).toEqual([found.entities.length]);
  });

  it('paints nothing once stopped while a scan is under way, and the scan settles', async () => {
    const paints = fakeHighlightApi();
    longArticle();
    const scanner = createPageScanner(document, localFinder(matcher));
    const scanning = scanner.scan();
    scanner.stop();
    await expect(scanning).resolves.toEqual({ entities: [], claims: [] });
    expect(paints).toEqual([]);
  });

  it('leaves a scan superseded by a newer one unpainted, and the newer one paints', async () => {
    const paints = fakeHighlightApi();
    longArticle();
    const scanner = createPageScanner(document, localFinder(matcher));
    const first = scanner.scan();
    const second = scanner.scan();
    await first;
    const found = await second;
    scanner.stop();
    expect(paints).toHaveLength(2);
    expect(paints[1]!.get('backstory-entity')).toHaveLength(found.entities.length);
  });
});
