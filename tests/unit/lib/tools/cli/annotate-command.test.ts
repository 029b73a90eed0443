import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnnotateIo, HELP, parseAnnotateArgs, runAnnotate } from '../../../../../lib/tools/cli/annotate-command';
import { createAnchorer } from '../../../../../lib/export/anchor';
import { CSV_COLUMNS } from '../../../../../lib/export/csv';
import type { AnnotationCollection } from '../../../../../lib/export/web-annotation';
import { validateAnnotation } from '../../../../support/validate-annotation';
import { htmlText, nodeAnnotateIo } from '../../../../../lib/tools/node/annotate-files';
import { PROJECT_ROOT } from '../../../../../lib/tools/node/knowledge-files';
import { DEMO } from '../../export/demo';

let dir: string;
let note: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-export-'));
  note = join(dir, 'note 😀.txt');
  writeFileSync(note, '😀 Gustavo Petro spoke in Bogotá.\n=Petro met Claudia Sheinbaum.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** runAnnotate in process with the real Node side; `write` captures output exactly. */
async function run(args: string[]) {
  let out = '';
  const err: string[] = [];
  const io: AnnotateIo = {
    ...nodeAnnotateIo,
    out: (t) => (out += `${t}\n`),
    write: (t) => (out += t),
    err: (t) => err.push(t),
  };
  const code = await runAnnotate(args, io);
  return { code, out, err: err.join('\n') };
}

/** `npm run --silent annotate -- ARGS` as a user runs it. */
async function spawn(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'annotate', '--', ...args], {
    cwd: PROJECT_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('--format for the exports', () => {
  it('parses jsonld, markdown and csv and documents them', () => {
    for (const format of ['jsonld', 'markdown', 'csv'])
      expect(parseAnnotateArgs([`--format=${format}`, 'a.txt'])).toMatchObject({ ok: true, options: { format } });
    expect(HELP).toMatch(/jsonld: W3C Web Annotation JSON-LD, one AnnotationCollection per FILE, one per line/);
    expect(HELP).toMatch(/csv: RFC 4180/);
  });

  it('jsonld: one collection per file, one per line, with file: URLs and the HTML title', async () => {
    const { code, out } = await run(['--format', 'jsonld', DEMO, note]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const [demo, text] = lines.slice(0, 2).map((line) => JSON.parse(line) as AnnotationCollection);
    for (const collection of [demo!, text!]) expect(validateAnnotation(collection)).toEqual([]);
    expect(demo!.label).toBe(
      'Backstory findings: From the Caribbean to Antwerp, the war on cartels redraws the drug map | The Daily Meridian',
    );
    expect(demo!.first.items[0]!.target.source).toBe(pathToFileURL(DEMO).href);
    expect(text!.label).toBe('Backstory findings: note 😀.txt');
    expect(text!.first.items[0]!.target.source).toBe(pathToFileURL(note).href);
    expect(text!.first.items[0]!.target.source).toContain('note%20%F0%9F%98%80.txt');
    // The emoji at the start moves code points one behind UTF-16 offsets.
    expect(text!.first.items[0]!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Gustavo Petro', prefix: '😀 ', suffix: ' spoke in Bogotá.\n=Petro met Cla' },
      { type: 'TextPositionSelector', start: 2, end: 15 },
    ]);
  });

  it('markdown: a brief per file, separated by a rule', async () => {
    const { code, out } = await run(['--format', 'markdown', note, note]);
    expect(code).toBe(0);
    const briefs = out.split('\n---\n\n');
    expect(briefs).toHaveLength(2);
    expect(briefs[0]).toBe(briefs[1]);
    expect(briefs[0]).toMatch(/^# note 😀\.txt\n\n<file:\/\/\/.*note%20%F0%9F%98%80\.txt>\n/);
    expect(out.endsWith('.\n')).toBe(true);
  });

  it('reports a pack without sources as a usage error', async () => {
    const pack = JSON.parse(readFileSync(join(PROJECT_ROOT, 'assets', 'knowledge.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    delete pack.sources;
    const path = join(dir, 'no-sources.json');
    writeFileSync(path, JSON.stringify(pack));
    expect(await run(['--format', 'csv', '--pack', path, note])).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringContaining('the pack has no "sources" array'),
    });
    // The json format never needed them.
    expect((await run(['--pack', path, note])).code).toBe(0);
  });
});

describe('npm run annotate -- --format … demo.html (real processes)', () => {
  let demoText: string;
  beforeAll(async () => {
    demoText = await htmlText(readFileSync(DEMO, 'utf8'));
  });

  it('jsonld', { timeout: 60_000 }, async () => {
    const stdout = await spawn(['--format', 'jsonld', DEMO]);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    // Block separators in prefixes are escaped, so the line cannot be split by readers that split on them.
    expect(stdout).not.toMatch(/[\u2028\u2029]/);
    expect(stdout).toContain('\\u2029');
    const collection = JSON.parse(stdout) as AnnotationCollection;
    expect(collection.first.items.some((i) => i.target.selector[0].prefix!.includes('\u2029'))).toBe(true);
    expect(validateAnnotation(collection)).toEqual([]);
    expect(collection.total).toBeGreaterThan(100);
    const anchorer = createAnchorer(demoText);
    for (const item of collection.first.items) {
      const range = anchorer.anchorSelectors(item.target.selector)!;
      expect(demoText.slice(range.start, range.end)).toBe(item.target.selector[0].exact);
      expect(range.codePointStart).toBe(item.target.selector[1].start);
    }
  });

  it('markdown', { timeout: 60_000 }, async () => {
    const stdout = await spawn(['--format', 'markdown', DEMO]);
    expect(stdout).toMatch(
      /^# From the Caribbean to Antwerp, the war on cartels redraws the drug map \| The Daily Meridian\n\n<file:\/\//,
    );
    expect(stdout).toContain('\n## People\n');
    expect(stdout).toContain('\n## Claims\n');
    expect(stdout).toMatch(/\n## Sources\n\n1\. .+\n/);
    expect(stdout).toContain('URL unknown.');
    expect(stdout.endsWith('.\n')).toBe(true);
  });

  it('csv', { timeout: 60_000 }, async () => {
    const stdout = await spawn(['--format', 'csv', DEMO]);
    expect(stdout.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    // Ends with exactly one CRLF: no extra newline from the console.
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.endsWith('\r\n\r\n') || stdout.endsWith('\n\n')).toBe(false);
    const records = stdout.split('\r\n').filter(Boolean);
    expect(records.length).toBeGreaterThan(100);
    expect(records.filter((r) => r.startsWith('claim,')).length).toBeGreaterThan(5);
    expect(records[1]).toMatch(/^entity,caribbean-sea,Caribbean Sea,place,\d+,\d+,Caribbean,/);
  });
});
