import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import {
  type FindReply,
  type FindRequest,
  findInPage,
  findInText,
  fromWire,
  localFinder,
  remoteFinder,
  toWire,
} from '../../../../lib/matcher/text-finder';

const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));
const limits = { maxTotal: 1500, maxPerEntity: 60, maxClaims: 200 };
const text =
  'Nicolás Maduro spoke in Caracas. The reward for Nicolás Maduro is $50 million.\u2029' +
  'Later Maduro met Claudia Sheinbaum.';

/** A request and its reply as they cross the extension's messaging (structured as JSON). */
const overTheWire = (request: FindRequest): FindReply =>
  JSON.parse(JSON.stringify(findInPage(matcher, JSON.parse(JSON.stringify(request)) as FindRequest))) as FindReply;

describe('findInPage', () => {
  it("answers with findInText's findings and the records of exactly what it found", () => {
    const reply = findInPage(matcher, { part: 'page', text, limits });
    const expected = findInText(matcher, text, limits);
    expect(reply.entities).toEqual(expected.entities);
    expect(reply.claims).toEqual(expected.claims);
    expect(reply.claims.length).toBeGreaterThan(0);
    const entityIds = new Set(reply.entities.map((f) => f.entity));
    expect(reply.entityRecords.map(([index]) => index).sort()).toEqual([...entityIds].sort());
    for (const [index, record] of reply.entityRecords) expect(record).toEqual(matcher.data.entities[index]);
    for (const [index, record] of reply.claimRecords) {
      const { id, statement, status } = matcher.data.claims.claims[index]!;
      expect(record).toEqual({ id, statement, status });
    }
    expect(reply.version).toBe(matcher.data.version);
    expect(reply.context).toEqual(toWire(expected.context));
  });

  it('sends no context for a top, and keeps at most maxClaims claims', () => {
    const top = findInPage(matcher, { part: 'top', text, limits });
    expect(top.context).toBeUndefined();
    const capped = findInPage(matcher, { part: 'page', text, limits: { ...limits, maxClaims: 0 } });
    expect(capped.claims).toEqual([]);
    expect(capped.claimRecords).toEqual([]);
  });

  it("reads a changed part with the page's context as it came through JSON", () => {
    const page = 'Nicolás Maduro spoke in Caracas about the boat strikes.';
    const part = 'Maduro answered the next day.';
    const whole = overTheWire({ part: 'page', text: page, limits });
    const expected = findInText(matcher, part, limits, findInText(matcher, page, limits).context);
    const reply = overTheWire({ part: 'part', text: part, limits, context: whole.context! });
    expect(reply.entities).toEqual(expected.entities);
    expect(reply.entities.map((f) => part.slice(f.start, f.end))).toContain('Maduro');
    // Without the page's context the short name alone is not confirmed.
    expect(overTheWire({ part: 'part', text: part, limits }).entities).toEqual(
      findInText(matcher, part, limits).entities,
    );
  });

  it('keeps through JSON what a rescan reads of a context, and the part finds the same with it', () => {
    // Many stories with cues of Petro's and Maduro's, repeated: the context's cue lists grow long.
    const page = Array.from(
      { length: 40 },
      (_, i) =>
        `Story ${i}: in Bogotá and Caracas, Colombia and Venezuela, the Casa de Nariño and the chavismo, ` +
        'cartel and narco trafficking were discussed again, with Chapo and Zambada named.',
    ).join('\u2029\u2029');
    const { context } = findInText(matcher, page, limits);
    const wire = JSON.parse(JSON.stringify(toWire(context))) as ReturnType<typeof toWire>;
    const back = fromWire(wire);
    expect(back.names).toEqual(context.names);
    expect(back.topic).toEqual(context.topic);
    expect(back.onTopic).toBe(context.onTopic);
    const longest = Math.max(...[...context.cues.values()].map((hits) => hits.length));
    expect(longest).toBeGreaterThan(20);
    expect(Math.max(...[...back.cues.values()].map((hits) => hits.length))).toBeLessThan(8);
    for (const part of [
      'Petro answered.',
      'Maduro answered.',
      'Sinaloa answered.',
      'Petro and Maduro met in Sinaloa.',
    ]) {
      expect(findInText(matcher, part, limits, back).entities).toEqual(
        findInText(matcher, part, limits, context).entities,
      );
    }
    expect(findInText(matcher, 'Petro answered.', limits, back).entities.map((f) => f.rule)).toEqual(['page-topic']);
  });
});

describe('remoteFinder', () => {
  it('keeps the records of what came back, and starts afresh with another matcher', async () => {
    let version = 'a';
    const finder = remoteFinder((request) => Promise.resolve({ ...overTheWire(request), version }));
    const found = await finder.find({ part: 'page', text, limits });
    expect(found).toEqual(await localFinder(matcher).find({ part: 'page', text, limits }));
    const maduro = found.entities[0]!.entity;
    expect(finder.items.entities[maduro]).toEqual(matcher.data.entities[maduro]);
    // Only found items are held: the page does not get the pack.
    expect(Object.keys(finder.items.entities).length).toBe(new Set(found.entities.map((f) => f.entity)).size);
    version = 'b';
    await finder.find({ part: 'page', text: 'Claudia Sheinbaum.', limits });
    expect(finder.items.entities[maduro]).toBeUndefined();
  });
});
