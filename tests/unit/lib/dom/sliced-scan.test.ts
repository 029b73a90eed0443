// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { NODES_PER_STEP, TOP_NODES_PER_STEP, type TextFindings, scanSliced } from '../../../../lib/dom/sliced-scan';
import { TEXT_SLICE_CHARS, createSlicer } from '../../../../lib/dom/slicer';
import { buildTextIndex } from '../../../../lib/dom/text-index';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { type FindRequest, type TextFinder, findInText, localFinder } from '../../../../lib/matcher/text-finder';
import { BLOCK_SEPARATOR } from '../../../../lib/text/fold';

const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));
const limits = { maxTotal: 1500, maxPerEntity: 60, maxClaims: 200 };
const finder = localFinder(matcher);

/** A finder that keeps the requests it answers. */
function recording(): { finder: TextFinder; requests: FindRequest[] } {
  const requests: FindRequest[] = [];
  return {
    finder: { items: finder.items, find: (request) => (requests.push(request), finder.find(request)) },
    requests,
  };
}

/** Options of a scan that shows its top, with the defaults above. */
const scanOptions = (showTop: (top: TextFindings) => void, signal = new AbortController().signal) => ({
  finder,
  limits,
  slicer: createSlicer(window, undefined, signal),
  signal,
  showsTop: true,
  showTop,
});

/** A long article: names at the top, `paragraphs` of filler, more names far below. */
function longArticle(paragraphs: number): void {
  const filler = '<p>The committee met again on Tuesday to discuss the harbour budget and the new ferry timetable.</p>';
  document.body.innerHTML = [
    '<p>Nicolás Maduro spoke in Caracas as Gustavo Petro answered from Bogotá.</p>',
    '<p>Pete Hegseth defended the strikes on boats said to carry cocaine.</p>',
    filler.repeat(paragraphs),
    '<p>Later, Maduro met Claudia Sheinbaum; the Tren de Aragua was named again.</p>',
  ].join('');
}

const names = (found: TextFindings) => found.entities.map((f) => found.index.text.slice(f.start, f.end));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('sliced scan', () => {
  // 600 paragraphs: one reading step, several text slices (the top is the first slice); 1,000: several
  // reading steps (the top is read from the first step's complete blocks).
  for (const paragraphs of [600, 1000]) {
    it(`finds what one search of the whole text finds, showing the top once (${paragraphs} paragraphs)`, async () => {
      longArticle(paragraphs);
      const whole = buildTextIndex(document.body);
      const expected = findInText(matcher, whole.text, limits);
      const tops: TextFindings[] = [];
      const found = await scanSliced(
        document.body,
        scanOptions((top) => tops.push(top)),
      );
      expect(found.index.text).toBe(whole.text);
      expect(found.entities).toEqual(expected.entities);
      expect(found.claims).toEqual(expected.claims);
      expect(tops).toHaveLength(1);
      expect(names(tops[0]!)).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro']));
      expect(names(tops[0]!)).not.toContain('Claudia Sheinbaum');
      expect(names(found)).toContain('Claudia Sheinbaum');
    });

    it(`asks for the top, then for the whole text, whose prefix the top is (${paragraphs} paragraphs)`, async () => {
      longArticle(paragraphs);
      const { finder: recorded, requests } = recording();
      const found = await scanSliced(document.body, { ...scanOptions(() => {}), finder: recorded });
      expect(requests.map((request) => request.part)).toEqual(['top', 'page']);
      expect(requests[1]!.text).toBe(found.index.text);
      expect(found.index.text.startsWith(requests[0]!.text)).toBe(true);
      expect(requests[0]!.text.length).toBeLessThanOrEqual(TEXT_SLICE_CHARS);
    });
  }

  it('reads no more of a long page until its top is painted', async () => {
    longArticle(1000);
    let releaseTop = () => {};
    const topHeld = new Promise<void>((resolve) => (releaseTop = resolve));
    const parts: string[] = [];
    const held: TextFinder = {
      items: finder.items,
      find: async (request) => {
        parts.push(request.part);
        const found = await finder.find(request);
        if (request.part === 'top') await topHeld;
        return found;
      },
    };
    let shown = 0;
    const scanning = scanSliced(document.body, { ...scanOptions(() => void shown++), finder: held });
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(parts).toEqual(['top']);
    releaseTop();
    const found = await scanning;
    expect(parts).toEqual(['top', 'page']);
    expect(shown).toBe(1);
    expect(names(found)).toContain('Claudia Sheinbaum');
  });

  it("shows the top's claims with its names, the same as the whole page's there", async () => {
    longArticle(1000);
    document.body.insertAdjacentHTML('afterbegin', '<p>The reward for Nicolás Maduro is $50 million.</p>');
    const whole = buildTextIndex(document.body);
    const expected = findInText(matcher, whole.text, limits);
    const claimAt = whole.text.indexOf('The reward');
    expect(expected.claims.map((claim) => claim.start)).toContain(claimAt);
    const tops: TextFindings[] = [];
    const found = await scanSliced(
      document.body,
      scanOptions((top) => tops.push(top)),
    );
    expect(tops).toHaveLength(1);
    expect(names(tops[0]!)).toContain('Nicolás Maduro');
    const topEnd = tops[0]!.index.text.length;
    expect(tops[0]!.claims).toEqual(expected.claims.filter((claim) => claim.end <= topEnd));
    expect(tops[0]!.claims.map((claim) => claim.start)).toContain(claimAt);
    expect(found.claims).toEqual(expected.claims);
    expect(found.entities).toEqual(expected.entities);
  });

  it('reads the top as soon as its text holds a slice, and it is the top the first step would give', async () => {
    longArticle(1000);
    const whole = buildTextIndex(document.body);
    // What the top of a first step of NODES_PER_STEP nodes holds: the complete blocks of its first slice.
    const end = whole.text.lastIndexOf(BLOCK_SEPARATOR, TEXT_SLICE_CHARS);
    const topText = whole.text.slice(0, end);
    const expected = findInText(matcher, topText, limits).entities;
    const tops: { found: TextFindings; nodesRead: number }[] = [];
    await scanSliced(
      document.body,
      scanOptions((top) => tops.push({ found: top, nodesRead: top.index.nodes.length })),
    );
    expect(tops).toHaveLength(1);
    expect(tops[0]!.found.index.text).toBe(topText);
    expect(tops[0]!.found.entities).toEqual(expected);
    expect(names(tops[0]!.found)).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro']));
    // A paragraph is two nodes: the slice's ~105 paragraphs are in the first small step.
    expect(tops[0]!.nodesRead).toBe(TOP_NODES_PER_STEP / 2);
  });

  it('reads the top after NODES_PER_STEP nodes when their text is shorter than a slice', async () => {
    document.body.innerHTML = `<p>Nicolás Maduro.</p>${'<p>Cats.</p>'.repeat(2000)}`;
    const tops: { found: TextFindings; nodesRead: number }[] = [];
    await scanSliced(
      document.body,
      scanOptions((top) => tops.push({ found: top, nodesRead: top.index.nodes.length })),
    );
    expect(tops).toHaveLength(1);
    expect(tops[0]!.nodesRead).toBe(NODES_PER_STEP / 2);
    expect(names(tops[0]!.found)[0]).toBe('Nicolás Maduro');
  });

  it('shows no top when told not to, or on a page of one text slice', async () => {
    let shown = 0;
    const options = scanOptions(() => void shown++);
    longArticle(1000);
    await scanSliced(document.body, { ...options, showsTop: false });
    document.body.innerHTML = '<p>Nicolás Maduro spoke in Caracas.</p>';
    const found = await scanSliced(document.body, options);
    expect(names(found)).toEqual(['Nicolás Maduro', 'Caracas']);
    expect(shown).toBe(0);
  });

  it("does not show a top whose answer comes after the whole page's", async () => {
    // Fewer nodes than a first step holds, more text than a top: read in one step, and the top and the
    // whole text are asked for at once.
    longArticle(0);
    const filler = `<p>${'The committee met again to discuss the harbour budget and the ferry timetable. '.repeat(4)}</p>`;
    document.body.children[1]!.insertAdjacentHTML('afterend', filler.repeat(60));
    expect(buildTextIndex(document.body).nodes.length).toBeLessThan(TOP_NODES_PER_STEP);
    expect(buildTextIndex(document.body).text.length).toBeGreaterThan(TEXT_SLICE_CHARS);
    let releaseTop = () => {};
    const topHeld = new Promise<void>((resolve) => (releaseTop = resolve));
    const late: TextFinder = {
      items: finder.items,
      find: async (request) => {
        const found = await finder.find(request);
        if (request.part === 'top') await topHeld;
        return found;
      },
    };
    let shown = 0;
    const found = await scanSliced(document.body, { ...scanOptions(() => void shown++), finder: late });
    releaseTop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names(found)).toContain('Claudia Sheinbaum');
    expect(shown).toBe(0);
  });

  it('stops at its next checkpoint once its signal is aborted, with the reason, and shows no top after', async () => {
    longArticle(1000);
    const controller = new AbortController();
    let shown = 0;
    // A budget of 0 ms: every checkpoint yields, and the abort lands while the scan waits for its turn.
    const scanning = scanSliced(document.body, {
      ...scanOptions(() => void shown++, controller.signal),
      slicer: createSlicer(window, 0, controller.signal),
    });
    controller.abort(new Error('superseded'));
    await expect(scanning).rejects.toThrow('superseded');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toBe(0);
  });
});
