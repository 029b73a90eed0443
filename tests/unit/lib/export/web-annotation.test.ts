import { describe, expect, it } from 'vitest';
import {
  type Annotation,
  ANNOTATION_CONTEXT,
  MOTIVATIONS,
  deterministicUrn,
  toWebAnnotations,
} from '../../../../lib/export/web-annotation';
import { demoFindings } from './demo';
import { validateAnnotation } from '../../../support/validate-annotation';
import { emojiPage, pack } from './fixture';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('toWebAnnotations', () => {
  const page = emojiPage();
  const collection = toWebAnnotations(page, pack);
  const items = collection.first.items;

  it('is a valid AnnotationCollection with one embedded AnnotationPage holding every occurrence', () => {
    expect(validateAnnotation(collection)).toEqual([]);
    expect(collection).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      label: 'Backstory findings: Emoji *page* <b>',
      total: 7,
      first: { type: 'AnnotationPage', startIndex: 0, partOf: collection.id },
    });
    expect(items).toHaveLength(7);
    expect(collection['schema:description']).toMatch(/code points/);
    // Only the top level carries @context.
    for (const item of items) expect(item).not.toHaveProperty('@context');
  });

  it('gives deterministic, distinct urn:uuid ids', () => {
    const again = toWebAnnotations(emojiPage(), pack);
    expect(again).toEqual(collection);
    const ids = [collection.id, collection.first.id, ...items.map((i) => i.id)];
    for (const id of ids) expect(id).toMatch(UUID_URN);
    expect(new Set(ids).size).toBe(ids.length);
    expect(deterministicUrn('a')).toBe(deterministicUrn('a'));
    expect(deterministicUrn('a')).not.toBe(deterministicUrn('b'));
    const moved = toWebAnnotations({ ...page, url: 'https://example.org/other' }, pack);
    expect(moved.first.items[0]!.id).not.toBe(items[0]!.id);
  });

  it('counts TextPositionSelector offsets in code points (emoji, flags, astral letters)', () => {
    expect(items.map((i) => i.motivation)).toEqual([
      'identifying',
      'identifying',
      'identifying',
      'assessing', // the claim's sentence starts before the Maduro in it
      'identifying',
      'identifying',
      'identifying',
    ]);
    const { text } = page;
    for (const item of items) {
      const [quote, position] = item.target.selector;
      const cps = [...text];
      expect(cps.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(item.target.source).toBe(page.url);
    }
    // Before the first "Maduro": a flag (2 code points, 4 units), " Breaking " (10), two emoji (2, 4 units), ": " (2).
    const first = items[0]!.target.selector[1];
    expect(page.entities[0]!.start).toBe(20);
    expect(first).toEqual({ type: 'TextPositionSelector', start: 16, end: 22 });
    // Each astral character before a finding makes UTF-16 and code points differ by one more.
    const utf16 = [...page.entities, ...page.claims].map((f) => f.start).sort((a, b) => a - b);
    expect(items.map((i, n) => utf16[n]! - i.target.selector[1].start)).toEqual([4, 6, 6, 6, 6, 6, 6]);
  });

  it('keeps prefix and suffix to 32 code points of the page text', () => {
    for (const item of items) {
      const [quote] = item.target.selector;
      expect([...quote.prefix!].length).toBeLessThanOrEqual(32);
      expect([...quote.suffix!].length).toBeLessThanOrEqual(32);
    }
    const second = items[1]!.target.selector[0];
    expect(second.prefix).toBe(' 😀😀: Maduro spoke.\u2029𝐁old 🎉 news: ');
    expect([...second.prefix!].length).toBe(32);
    expect(second.suffix).toBe(' again, and Maduro.\u2029The bounty o');
  });

  it('describes an entity: pack node with schema type and Wikidata sameAs, summary, sources without invented URLs', () => {
    const body = items[0]!.body;
    expect(body[0]).toEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: 'urn:backstory:entity:nicolas-maduro',
        type: 'schema:Person',
        'schema:name': 'Nicolás Maduro',
        'schema:additionalType': 'Person',
        'schema:sameAs': 'http://www.wikidata.org/entity/Q57413',
      },
    });
    expect(body[1]).toMatchObject({ type: 'TextualBody', purpose: 'describing', value: pack.entities[0]!.summary });
    expect(body[2]).toMatchObject({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: 'https://news.example/strikes_2025?a=1&b=2', 'schema:publisher': 'The Daily_Test' },
    });
    expect(body[3]).toMatchObject({ type: 'TextualBody', purpose: 'describing' });
    expect((body[3] as { value: string }).value).toMatch(
      /Offline Weekly, 2025-09-01 \(date estimated\)\. URL unknown\.$/,
    );
    expect(JSON.stringify(body)).not.toMatch(/duckduckgo|example\.com/);
    // No QID, no sameAs.
    const evil = items.find(
      (i) => i.body[0]!.type === 'SpecificResource' && i.body[0]!.source.id.endsWith('evil-group'),
    )!;
    expect(evil.body[0]).not.toHaveProperty('source.schema:sameAs');
    expect(evil.body[0]).toHaveProperty(['source', 'type'], 'schema:Organization');
  });

  it('assesses a claim: identifying node, status, context and evidence', () => {
    const claim = items.find((i) => i.motivation === 'assessing')!;
    expect(claim.target.selector[0].exact).toBe('The bounty on Maduro was doubled to $50 million.');
    const [node, status, context, linked, unlinked] = claim.body;
    expect(node).toMatchObject({
      purpose: 'identifying',
      source: { id: 'urn:backstory:claim:bounty-doubled', type: 'schema:Claim', 'schema:author': 'U.S. government' },
    });
    expect(status).toMatchObject({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'Supported: The bounty on Maduro was doubled to $50 million.',
    });
    expect(context).toMatchObject({ purpose: 'describing', value: 'Reported by several outlets, "same figure".' });
    expect(linked).toMatchObject({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: 'https://news.example/strikes_2025?a=1&b=2', 'schema:description': 'Evidence (states)' },
      selector: { type: 'TextQuoteSelector', exact: 'the reward was doubled to $50 million' },
    });
    expect((linked as { source: Record<string, string> }).source['schema:url']).toMatch(
      /^https:\/\/news\.example\/strikes_2025\?a=1&b=2#:~:text=/,
    );
    expect(unlinked).toMatchObject({ type: 'TextualBody', purpose: 'describing' });
    expect((unlinked as { value: string }).value).toBe(
      'Evidence (supports): “a $50 million bounty” — “An article nobody linked”. Offline Weekly, 2025-09-01 (date estimated). URL unknown.',
    );
  });

  it('labels evidence from a reworded copy, out of quotation marks and without a selector', () => {
    const why = 'Our note: the archive says this copy was reworded.';
    const reworded = structuredClone(pack);
    for (const source of reworded.sources) source.reworded = { why };
    const claim = toWebAnnotations(page, reworded).first.items.find((i) => i.motivation === 'assessing')!;
    const [, , , linked, unlinked] = claim.body;
    expect(linked).toMatchObject({
      type: 'SpecificResource',
      source: {
        id: 'https://news.example/strikes_2025?a=1&b=2',
        'schema:description':
          "Evidence (states), Reworded copy of The Daily_Test's report: wording may differ from The Daily_Test's",
      },
    });
    expect(linked).not.toHaveProperty('selector');
    expect((linked as { source: Record<string, string> }).source).not.toHaveProperty('schema:url');
    expect((unlinked as { value: string }).value).toBe(
      "Evidence (supports), Reworded copy of Offline Weekly's report: wording may differ from Offline Weekly's: " +
        'a $50 million bounty — “An article nobody linked”. Offline Weekly, 2025-09-01 (date estimated). URL unknown. ' +
        "Archived as a reworded copy: wording may differ from Offline Weekly's.",
    );
  });

  it('adds created only when asked', () => {
    expect(items[0]).not.toHaveProperty('created');
    const dated = toWebAnnotations(page, pack, { created: '2025-12-20T10:00:00Z' });
    expect(dated.first.items.every((i) => i.created === '2025-12-20T10:00:00Z')).toBe(true);
    expect(validateAnnotation(dated)).toEqual([]);
  });

  it('exports the demo page: every annotation valid, motivations from the model', async () => {
    const { findings, pack: realPack } = await demoFindings();
    const demo = toWebAnnotations(findings, realPack);
    expect(validateAnnotation(demo)).toEqual([]);
    expect(demo.total).toBe(findings.entities.length + findings.claims.length);
    expect(demo.first.items.filter((i) => i.motivation === 'assessing')).toHaveLength(findings.claims.length);
    for (const item of demo.first.items) {
      expect(MOTIVATIONS).toContain(item.motivation);
      for (const body of item.body) expect(MOTIVATIONS).toContain(body.purpose);
    }
    // Round trip through JSON keeps it valid.
    expect(validateAnnotation(JSON.parse(JSON.stringify(demo)))).toEqual([]);
  });
});

describe('validateAnnotation', () => {
  const good = (): Annotation & { '@context': string } => ({
    '@context': ANNOTATION_CONTEXT,
    id: 'urn:uuid:00000000-0000-8000-8000-000000000000',
    type: 'Annotation',
    motivation: 'identifying',
    body: [{ type: 'TextualBody', purpose: 'describing', value: 'x', format: 'text/plain' }],
    target: {
      source: 'https://example.org/',
      selector: [
        { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 1 },
      ],
    },
  });

  it('accepts a single annotation, the spec examples and an IRI target', () => {
    expect(validateAnnotation(good())).toEqual([]);
    expect(
      validateAnnotation({
        '@context': ANNOTATION_CONTEXT,
        id: 'http://example.org/anno1',
        type: 'Annotation',
        body: 'http://example.post/post1',
        target: 'http://example.com/page1',
      }),
    ).toEqual([]);
    expect(
      validateAnnotation({
        '@context': [ANNOTATION_CONTEXT, { ex: 'http://example.org/ns#' }],
        id: 'http://example.org/anno23',
        type: 'Annotation',
        target: { source: 'http://example.org/page1', selector: { type: 'FragmentSelector', value: 'para5' } },
      }),
    ).toEqual([]);
  });

  it.each([
    ['no @context', (a: Record<string, unknown>) => delete a['@context'], '@context is missing'],
    ['a wrong @context', (a: Record<string, unknown>) => (a['@context'] = 'http://schema.org/'), '@context must be'],
    ['no id', (a: Record<string, unknown>) => delete a.id, 'annotation: needs an id IRI'],
    ['an id with a space', (a: Record<string, unknown>) => (a.id = 'not an iri'), 'annotation: needs an id IRI'],
    ['the wrong type', (a: Record<string, unknown>) => (a.type = 'Note'), 'type must include "Annotation"'],
    ['no target', (a: Record<string, unknown>) => delete a.target, 'annotation: needs a target'],
    [
      'a target without source',
      (a: Record<string, unknown>) => delete (a.target as Record<string, unknown>).source,
      'annotation.target: needs a source IRI',
    ],
    [
      'an unknown selector',
      (a: Record<string, unknown>) => ((a.target as { selector: unknown[] }).selector[0] = { type: 'RegexSelector' }),
      'annotation.target.selector[0]: unknown selector type "RegexSelector"',
    ],
    [
      'a quote selector without exact',
      (a: Record<string, unknown>) =>
        ((a.target as { selector: unknown[] }).selector[0] = { type: 'TextQuoteSelector' }),
      'TextQuoteSelector needs a string exact',
    ],
    [
      'a position selector with a negative start',
      (a: Record<string, unknown>) =>
        ((a.target as { selector: unknown[] }).selector[1] = { type: 'TextPositionSelector', start: -1, end: 2 }),
      'TextPositionSelector needs a non-negative integer start',
    ],
    [
      'an unknown motivation',
      (a: Record<string, unknown>) => (a.motivation = 'explaining'),
      '"explaining" is not a motivation',
    ],
    [
      'an untyped body',
      (a: Record<string, unknown>) => ((a.body as unknown[])[0] = { value: 'x' }),
      'annotation.body[0]: has no type',
    ],
    [
      'a body with an unknown purpose',
      (a: Record<string, unknown>) => ((a.body as Record<string, unknown>[])[0]!.purpose = 'vibes'),
      'annotation.body[0].purpose: "vibes" is not a motivation',
    ],
    [
      'a TextualBody without value',
      (a: Record<string, unknown>) => delete (a.body as Record<string, unknown>[])[0]!.value,
      'TextualBody needs a value',
    ],
    [
      'a SpecificResource body without source',
      (a: Record<string, unknown>) => ((a.body as unknown[])[0] = { type: 'SpecificResource', purpose: 'linking' }),
      'SpecificResource needs a source IRI',
    ],
  ])('reports %s', (_, breakIt, problem) => {
    const annotation = good() as unknown as Record<string, unknown>;
    breakIt(annotation);
    const problems = validateAnnotation(annotation);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(problem);
  });

  it('reports problems inside a collection and a wrong total', () => {
    const collection = JSON.parse(JSON.stringify(toWebAnnotations(emojiPage(), pack))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    collection.total = 3;
    delete collection.first.items[2].target;
    collection.first.items[4].body[1].type = undefined;
    delete collection.first.id;
    expect(validateAnnotation(collection)).toEqual([
      'collection.page[0]: needs an id IRI',
      'collection.page[0].items[2]: needs a target',
      'collection.page[0].items[4].body[1]: has no type',
      'collection: total is 3 but the pages hold 7 annotations',
    ]);
    expect(validateAnnotation([collection])).toEqual(['not a JSON object']);
    expect(validateAnnotation({ ...collection, '@context': undefined })[0]).toBe('@context is missing');
  });
});
