// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import {
  NODES_PER_STEP,
  TOP_NODES_PER_STEP,
  type TextFindings,
  findInText,
  resolveInSlices,
  scanSliced,
} from '../../../../lib/dom/sliced-scan';
import { TEXT_SLICE_CHARS, createSlicer } from '../../../../lib/dom/slicer';
import { buildTextIndex } from '../../../../lib/dom/text-index';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { type Matcher, loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import {
  type PageContext,
  type Resolution,
  collectCandidates,
  newCandidates,
  resolutionSteps,
  resolveCandidates,
} from '../../../../lib/matcher/find';
import { BLOCK_SEPARATOR } from '../../../../lib/text/fold';

const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));
const limits = { maxTotal: 1500, maxPerEntity: 60 };

/** A matcher that counts the characters it scans. */
function counting(): { matcher: Matcher; scanned: () => number } {
  let scanned = 0;
  const counted: Matcher = {
    ...matcher,
    scan: (text, onMatch, from = 0, to = text.length) => {
      scanned += to - from;
      return matcher.scan(text, onMatch, from, to);
    },
  };
  return { matcher: counted, scanned: () => scanned };
}

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
    it(`finds what one pass over the whole text finds, showing the top once (${paragraphs} paragraphs)`, async () => {
      longArticle(paragraphs);
      const whole = buildTextIndex(document.body);
      const expected = findInText(matcher, whole.text, limits);
      const tops: TextFindings[] = [];
      const found = await scanSliced(document.body, {
        matcher,
        limits,
        maxClaims: 200,
        slicer: createSlicer(window),
        showsTop: true,
        showTop: (top) => tops.push(top),
      });
      expect(found.index.text).toBe(whole.text);
      expect(found.entities).toEqual(expected.entities);
      expect(found.claims).toEqual(expected.claims);
      expect(tops).toHaveLength(1);
      expect(names(tops[0]!)).toEqual(expect.arrayContaining(['Nicolás Maduro', 'Gustavo Petro']));
      expect(names(tops[0]!)).not.toContain('Claudia Sheinbaum');
      expect(names(found)).toContain('Claudia Sheinbaum');
    });

    it(`matches every stretch of text once, the early top included (${paragraphs} paragraphs)`, async () => {
      longArticle(paragraphs);
      const { matcher: counted, scanned } = counting();
      const found = await scanSliced(document.body, {
        matcher: counted,
        limits,
        maxClaims: 200,
        slicer: createSlicer(window),
        showsTop: true,
        showTop: () => {},
      });
      expect(scanned()).toBe(found.index.text.length);
    });
  }

  it("shows the top's names without waiting for its claims, which come with the full findings", async () => {
    longArticle(1000);
    document.body.insertAdjacentHTML('afterbegin', '<p>The reward for Nicolás Maduro is $50 million.</p>');
    const whole = buildTextIndex(document.body);
    const expected = findInText(matcher, whole.text, limits);
    const claimAt = whole.text.indexOf('The reward');
    expect(expected.claims.map((claim) => claim.start)).toContain(claimAt);
    const tops: TextFindings[] = [];
    const found = await scanSliced(document.body, {
      matcher,
      limits,
      maxClaims: 200,
      slicer: createSlicer(window),
      showsTop: true,
      showTop: (top) => tops.push(top),
    });
    expect(tops).toHaveLength(1);
    expect(names(tops[0]!)).toContain('Nicolás Maduro');
    expect(tops[0]!.claims).toEqual([]);
    expect(found.claims).toEqual(expected.claims);
    expect(found.entities).toEqual(expected.entities);
  });

  it('reads the top as soon as its text holds a slice, and it is the top the first step would give', async () => {
    longArticle(1000);
    const whole = buildTextIndex(document.body);
    // What the top of a first step of NODES_PER_STEP nodes holds: the complete blocks of its first slice.
    const end = whole.text.lastIndexOf(BLOCK_SEPARATOR, TEXT_SLICE_CHARS);
    const topText = whole.text.slice(0, end);
    const candidates = newCandidates();
    collectCandidates(matcher, topText, candidates);
    const expected = resolveCandidates(matcher, topText, candidates, limits).findings;
    const tops: { found: TextFindings; nodesRead: number }[] = [];
    await scanSliced(document.body, {
      matcher,
      limits,
      maxClaims: 200,
      slicer: createSlicer(window),
      showsTop: true,
      showTop: (top) => tops.push({ found: top, nodesRead: top.index.nodes.length }),
    });
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
    await scanSliced(document.body, {
      matcher,
      limits,
      maxClaims: 200,
      slicer: createSlicer(window),
      showsTop: true,
      showTop: (top) => tops.push({ found: top, nodesRead: top.index.nodes.length }),
    });
    expect(tops).toHaveLength(1);
    expect(tops[0]!.nodesRead).toBe(NODES_PER_STEP / 2);
    expect(names(tops[0]!.found)[0]).toBe('Nicolás Maduro');
  });

  it('shows no top when told not to, or on a page of one text slice', async () => {
    let shown = 0;
    const options = {
      matcher,
      limits,
      maxClaims: 200,
      slicer: createSlicer(window),
      showTop: () => void shown++,
    };
    longArticle(1000);
    await scanSliced(document.body, { ...options, showsTop: false });
    document.body.innerHTML = '<p>Nicolás Maduro spoke in Caracas.</p>';
    const found = await scanSliced(document.body, { ...options, showsTop: true });
    expect(names(found)).toEqual(['Nicolás Maduro', 'Caracas']);
    expect(shown).toBe(0);
  });

  it('stops at its next checkpoint once its signal is aborted, with the reason', async () => {
    longArticle(1000);
    const controller = new AbortController();
    let shown = 0;
    // A budget of 0 ms: every checkpoint yields, and the abort lands while the scan waits for its turn.
    const scanning = scanSliced(document.body, {
      matcher,
      limits,
      maxClaims: 200,
      slicer: createSlicer(window, 0, controller.signal),
      showsTop: true,
      showTop: () => void shown++,
    });
    controller.abort(new Error('superseded'));
    await expect(scanning).rejects.toThrow('superseded');
    expect(shown).toBe(0);
  });
});

/** Many stories with full names, their short forms and a shared name ("Petro") to confirm by context. */
function manyStories(count: number): string {
  const stories: string[] = [];
  for (let i = 0; i < count; i++) {
    stories.push(
      `Story ${i}. Nicolás Maduro spoke in Caracas as Gustavo Petro answered from Bogotá. ` +
        'Later, Maduro met Claudia Sheinbaum in Mexico City; Petro stayed home.',
      `Pete Hegseth defended the strikes on boats said to carry cocaine near Venezuela, and Hegseth said more would come.`,
    );
  }
  return stories.join(BLOCK_SEPARATOR);
}

/** A page context as plain data, to compare two resolutions' contexts. */
const contextData = (context: PageContext) => ({
  names: [...context.names],
  cues: [...context.cues],
  topic: [...context.topic].sort((a, b) => a - b),
  onTopic: context.onTopic,
});

describe('resolution in slices', () => {
  const text = manyStories(60);
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  const once = resolveCandidates(matcher, text, candidates, limits);

  it('pauses every few names when its slice is due and finds what one call finds', () => {
    const steps = resolutionSteps(matcher, text, candidates, limits, undefined, () => true);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    const sliced: Resolution = step.value;
    // Every loop over the names pauses: hundreds of names give dozens of pauses.
    expect(once.findings.length).toBeGreaterThan(400);
    expect(pauses).toBeGreaterThan(30);
    expect(once.findings.map((f) => f.rule)).toContain('name-on-page');
    expect(sliced.findings).toEqual(once.findings);
    expect(contextData(sliced.context)).toEqual(contextData(once.context));
  });

  it('never pauses when its slice is not due', () => {
    const steps = resolutionSteps(matcher, text, candidates, limits, undefined, () => false);
    const step = steps.next();
    expect(step.done).toBe(true);
    expect(step.value?.findings).toEqual(once.findings);
  });

  it('gives the thread back between steps with a slicer and finds what one call finds', async () => {
    let yields = 0;
    const slicer = {
      due: () => true,
      checkpoint: () => new Promise<void>((resolve) => setTimeout(() => (yields++, resolve()), 0)),
    };
    const sliced = await resolveInSlices(matcher, text, candidates, limits, slicer);
    expect(yields).toBeGreaterThan(30);
    expect(sliced.findings).toEqual(once.findings);
    expect(contextData(sliced.context)).toEqual(contextData(once.context));
  });
});
