import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../../lib/knowledge/pack';
import { KnowledgeError } from '../../../../lib/knowledge/validate';

const REAL = readFileSync(join(import.meta.dirname, '../../../../assets/knowledge.json'), 'utf8');

function problems(raw: unknown): string[] {
  try {
    parsePack(raw, 'pack.json');
    return [];
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return error.message.split('\n');
  }
}

type Pack = Record<string, unknown> & {
  sources: Record<string, unknown>[];
  entities: Record<string, unknown>[];
  claims: (Record<string, unknown> & { evidence: Record<string, unknown>[] })[];
  passages: Record<string, unknown>[];
};

const fresh = (): Pack => JSON.parse(REAL) as Pack;

describe('parsePack', () => {
  it('reads the bundled pack back exactly', () => {
    expect(JSON.stringify(parsePack(JSON.parse(REAL), 'knowledge.json'))).toBe(JSON.stringify(JSON.parse(REAL)));
  });

  it.each<[string, (p: Pack) => unknown, string[]]>([
    ['not JSON object', () => [], ['pack.json: $: expected an object, got an array']],
    [
      'missing version',
      (p) => (delete p.version, p),
      ['pack.json: $.version: expected a non-empty string, got nothing'],
    ],
    [
      'unknown top-level field',
      (p) => ((p.extra = 1), p),
      [expect.stringMatching(/^pack\.json: \$\.extra: expected no such field/) as unknown as string],
    ],
    [
      'source URL not https',
      (p) => ((p.sources[0]!.url = 'http://example.org'), p),
      ['pack.json: $.sources[0].url: expected an https URL or null, got "http://example.org"'],
    ],
    [
      'reworded source without a reason',
      (p) => ((p.sources[0]!.reworded = {}), p),
      ['pack.json: $.sources[0].reworded.why: expected a non-empty string, got nothing'],
    ],
    [
      'reworded source as a flag',
      (p) => ((p.sources[0]!.reworded = true), p),
      ['pack.json: $.sources[0].reworded: expected an object, got boolean true'],
    ],
    [
      'source date malformed',
      (p) => ((p.sources[1]!.date = '15/12/2025'), p),
      ['pack.json: $.sources[1].date: expected a date as YYYY-MM-DD, got "15/12/2025"'],
    ],
    [
      'entity type unknown',
      (p) => ((p.entities[0]!.type = 'company'), p),
      [expect.stringMatching(/^pack\.json: \$\.entities\[0\]\.type: expected one of person, /) as unknown as string],
    ],
    [
      'alias not a string',
      (p) => (((p.entities[2]!.aliases as unknown[])[0] = 7), p),
      ['pack.json: $.entities[2].aliases[0]: expected a non-empty string, got number 7'],
    ],
    [
      'passage index out of range',
      (p) => (((p.entities[1]!.passages as unknown[])[0] = 100000), p),
      [
        expect.stringMatching(
          /^pack\.json: \$\.entities\[1\]\.passages\[0\]: expected a passage index below \d+, got number 100000$/,
        ) as unknown as string,
      ],
    ],
    [
      'entity source unknown',
      (p) => (((p.entities[0]!.sources as unknown[])[0] = 'nowhere'), p),
      ['pack.json: $.entities[0].sources[0]: expected the id of a source in $.sources, got "nowhere"'],
    ],
    [
      'duplicate entity id',
      (p) => ((p.entities[1]!.id = p.entities[0]!.id), p),
      [expect.stringMatching(/^pack\.json: \$\.entities\[1\]\.id: expected a unique id/) as unknown as string],
    ],
    [
      'claim status unknown',
      (p) => ((p.claims[0]!.status = 'false'), p),
      ['pack.json: $.claims[0].status: expected one of supported, disputed, needs-context, reported, got "false"'],
    ],
    [
      'evidence without passage',
      (p) => (delete p.claims[3]!.evidence[0]!.passage, p),
      ['pack.json: $.claims[3].evidence[0].passage: expected a whole number of 0 or more, got nothing'],
    ],
    [
      'passage with unknown source',
      (p) => ((p.passages[5]!.source = 'elsewhere'), p),
      ['pack.json: $.passages[5].source: expected the id of a source in $.sources, got "elsewhere"'],
    ],
  ])('rejects a pack with %s, naming the field', (_, breakIt, expected) => {
    expect(problems(breakIt(fresh()))).toEqual(expected);
  });

  it('keeps a reworded source’s reason, and a pack without any reworded source is fine', () => {
    const p = fresh();
    const cnn = parsePack(p, 'pack.json').sources.find((s) => s.id === 'cnn-venezuela-strike-options')!;
    expect(cnn.reworded?.why).toMatch(/spun copy of CNN's report/);
    for (const source of p.sources) delete source.reworded;
    expect(parsePack(p, 'pack.json').sources.every((s) => s.reworded === undefined)).toBe(true);
  });

  it('lists every problem at once', () => {
    const p = fresh();
    p.sources[0]!.url = 'ftp://x';
    p.entities[0]!.type = 'thing';
    expect(problems(p)).toHaveLength(2);
  });
});
