import { execFile } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileAnnotations, annotateText, fileKind, matcherFromPack } from '../../../../../lib/findings/annotate';
import {
  type AnnotateIo,
  MAX_INPUT_BYTES,
  USAGE,
  formatJson,
  formatText,
  parseAnnotateArgs,
  runAnnotate,
} from '../../../../../lib/tools/cli/annotate-command';
import { htmlText, nodeAnnotateIo, readPack } from '../../../../../lib/tools/node/annotate-files';
import { PACK_PATH, PROJECT_ROOT } from '../../../../../lib/tools/node/knowledge-files';

const matcher = matcherFromPack(readPack(PACK_PATH));
const DEMO = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages', 'demo.html');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-annotate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** runAnnotate with the real Node side, output captured. */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: AnnotateIo = { ...nodeAnnotateIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runAnnotate(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parseAnnotateArgs', () => {
  it('reads the format, the pack and the files', () => {
    expect(parseAnnotateArgs(['--format', 'text', '--pack', 'p.json', 'a.txt', 'b.html'])).toEqual({
      ok: true,
      options: { format: 'text', pack: 'p.json', files: ['a.txt', 'b.html'], help: false },
    });
    expect(parseAnnotateArgs(['--format=json', 'a.txt'])).toMatchObject({ ok: true, options: { format: 'json' } });
    expect(parseAnnotateArgs(['a.txt'])).toMatchObject({ ok: true, options: { format: 'json', files: ['a.txt'] } });
    expect(parseAnnotateArgs(['--', '--odd-name.txt'])).toMatchObject({
      ok: true,
      options: { files: ['--odd-name.txt'] },
    });
    expect(parseAnnotateArgs(['--help'])).toMatchObject({ ok: true, options: { help: true } });
  });

  it.each([
    [['--verbose', 'a.txt'], 'unknown option --verbose'],
    [['--format', 'xml', 'a.txt'], 'unknown format "xml" (expected json, text, jsonld, markdown or csv)'],
    [['a.txt', '--format'], '--format needs a value'],
    [['--pack=', 'a.txt'], '--pack needs a value'],
    [[], 'no FILE given'],
  ])('rejects %j', (args, error) => {
    expect(parseAnnotateArgs(args)).toEqual({ ok: false, error });
  });
});

describe('fileKind', () => {
  it.each([
    ['notes.txt', 'text'],
    ['page.html', 'html'],
    ['PAGE.HTM', 'html'],
    ['dir.v2/page', undefined],
    ['data.json', undefined],
  ])('%s → %s', (path, kind) => expect(fileKind(path)).toBe(kind));
});

describe('annotateText', () => {
  const text =
    'Nicolás\nMaduro’s allies met the DEA. Police say MS 13 and Tren de Aragua operate there; ' +
    'Maduro denies it in Caracas. The bounty on Maduro has been doubled to $50 million.';

  it('gives real UTF-16 offsets, canonical names and the reason for each entity', () => {
    const { entities } = annotateText(matcher, text);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    const pick = ({ id, name, text: t }: (typeof entities)[number]) => ({ id, name, text: t });
    expect(entities.map(pick)).toEqual([
      { id: 'nicolas-maduro', name: 'Nicolás Maduro', text: 'Nicolás\nMaduro' },
      { id: 'drug-enforcement-administration', name: 'Drug Enforcement Administration', text: 'DEA' },
      { id: 'ms-13', name: 'MS-13', text: 'MS 13' },
      { id: 'tren-de-aragua', name: 'Tren de Aragua', text: 'Tren de Aragua' },
      { id: 'nicolas-maduro', name: 'Nicolás Maduro', text: 'Maduro' },
      { id: 'caracas', name: 'Caracas', text: 'Caracas' },
      { id: 'maduro-bounty', name: 'Maduro bounty', text: 'bounty on Maduro' },
    ]);
    // "Maduro" alone is ambiguous: it is highlighted because the page confirms it.
    expect(entities[4]).toMatchObject({ alias: 'Maduro', rule: expect.not.stringMatching(/^alias$/) });
    expect(entities[4]!.cue).toBeTruthy();
    expect(entities[2]).toMatchObject({ alias: 'MS-13', rule: 'alias' });
    expect(entities[0]).toMatchObject({ type: 'person', start: 0, end: 14 });
  });

  it('gives the sentence stating each claim', () => {
    const { claims } = annotateText(matcher, text);
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim).toMatchObject({ id: 'maduro-arrest-reward-doubled-to-50-million', status: 'supported' });
    expect(text.slice(claim!.start, claim!.end)).toBe('The bounty on Maduro has been doubled to $50 million.');
    expect(claim!.text).toBe(text.slice(claim!.start, claim!.end));
  });

  it('finds nothing in a page about other things', () => {
    expect(annotateText(matcher, 'Kelly Clarkson and Chris Paul enjoyed a maduro cigar with fine china.')).toEqual({
      entities: [],
      claims: [],
    });
  });
});

describe('htmlText', () => {
  it('extracts the text the content script scans: inline names joined, skipped elements and blocks apart', async () => {
    const html =
      '<!doctype html><html><head><title>Maduro</title></head><body>' +
      '<nav>Venezuela</nav><p>Nicolás <b>Maduro</b> met</p><p>Gustavo Petro</p><script>var Caracas;</script></body></html>';
    const text = await htmlText(html);
    expect(text).toBe('Nicolás Maduro met\u2029Gustavo Petro');
    const { entities } = annotateText(matcher, text);
    expect(entities.map((e) => [e.id, text.slice(e.start, e.end)])).toEqual([
      ['nicolas-maduro', 'Nicolás Maduro'],
      ['gustavo-petro', 'Gustavo Petro'],
    ]);
  });
});

describe('formatJson and formatText', () => {
  const files: FileAnnotations[] = [
    { path: 'a.txt', ...annotateText(matcher, 'Petro spoke in Bogotá. Colombia was decertified in September.') },
  ];

  it('JSON has the stable shape', () => {
    const parsed = JSON.parse(formatJson(files)) as { files: FileAnnotations[] };
    expect(Object.keys(parsed)).toEqual(['files']);
    expect(parsed.files[0]).toMatchObject({ path: 'a.txt' });
    expect(parsed.files[0]!.entities[0]).toMatchObject({
      id: 'gustavo-petro',
      name: 'Gustavo Petro',
      start: 0,
      end: 5,
    });
    expect(parsed.files[0]!.claims[0]).toMatchObject({ id: 'colombia-decertified-as-drug-control-partner' });
  });

  it('text lists each file, its entities and claims', () => {
    const out = formatText(files);
    expect(out).toContain('a.txt\n  entities: 3 highlight(s) of 3 entities');
    expect(out).toMatch(/0-5 +"Petro" → Gustavo Petro \(gustavo-petro, person, cue-nearby: Bogotá\)/);
    expect(out).toContain('colombia-decertified-as-drug-control-partner [supported]');
  });
});

describe('runAnnotate', () => {
  it('exits 2 with a usage line on a missing file, before any output', async () => {
    const txt = join(dir, 'ok.txt');
    writeFileSync(txt, 'Maduro');
    const result = await run([txt, join(dir, 'missing.txt')]);
    expect(result).toEqual({ code: 2, out: '', err: `annotate: no such file: ${join(dir, 'missing.txt')}\n${USAGE}` });
  });

  it.each([
    [['--colour', 'x.txt'], 'unknown option --colour'],
    [['--format', 'yaml', 'x.txt'], 'unknown format "yaml"'],
    [[], 'no FILE given'],
  ])('exits 2 with a usage line for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err).toContain(USAGE);
  });

  it('exits 2 for a directory, an unsupported file type or an unreadable pack', async () => {
    expect((await run([dir])).err).toContain('not a file');
    const pdf = join(dir, 'doc.pdf');
    writeFileSync(pdf, '');
    expect(await run([pdf])).toMatchObject({ code: 2, err: expect.stringContaining('unsupported file type') });
    const txt = join(dir, 'pack-test.txt');
    writeFileSync(txt, 'x');
    const badPack = join(dir, 'bad.json');
    writeFileSync(badPack, '{"version": 1}');
    expect(await run(['--pack', badPack, txt])).toMatchObject({
      code: 2,
      err: expect.stringContaining('cannot load the knowledge pack'),
    });
  });

  it('prints help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(USAGE);
  });
});

describe('npm run annotate (one real process)', () => {
  it('annotates demo.html and a .txt file with offsets into their text', { timeout: 60_000 }, async () => {
    const txt = join(dir, 'note.txt');
    const note =
      'Headline\r\nGustavo Petro’s aides in Bogotá met Claudia\nSheinbaum. Fentanyl kills tens of thousands of Americans each year.\n';
    writeFileSync(txt, note);
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'lib/tools/cli/annotate.ts', '--format', 'json', DEMO, txt],
      {
        cwd: PROJECT_ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const output = JSON.parse(stdout) as { files: FileAnnotations[] };
    expect(output.files.map((f) => f.path)).toEqual([DEMO, txt]);
    for (const file of output.files) {
      expect(Object.keys(file)).toEqual(['path', 'entities', 'claims']);
      for (const e of file.entities)
        expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'name', 'start', 'end']));
      for (const c of file.claims)
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'statement', 'start', 'end']));
    }

    const [demo, text] = output.files as [FileAnnotations, FileAnnotations];
    const demoText = await htmlText((await import('node:fs')).readFileSync(DEMO, 'utf8'));
    expect(demo.entities.length).toBeGreaterThan(20);
    expect(demo.claims.length).toBeGreaterThan(0);
    for (const e of [...demo.entities, ...demo.claims]) expect(demoText.slice(e.start, e.end)).toBe(e.text);
    expect(demo.entities.find((e) => e.id === 'nicolas-maduro')).toMatchObject({ name: 'Nicolás Maduro' });
    expect(demo.entities.some((e) => e.text === 'Nicolás Maduro')).toBe(true);

    const found = text.entities.map((e) => ({ id: e.id, form: note.slice(e.start, e.end) }));
    expect(found).toEqual([
      { id: 'gustavo-petro', form: 'Gustavo Petro' },
      { id: 'bogota', form: 'Bogotá' },
      { id: 'claudia-sheinbaum', form: 'Claudia\nSheinbaum' },
      { id: 'fentanyl', form: 'Fentanyl' },
    ]);
    expect(text.claims.map((c) => [c.id, note.slice(c.start, c.end)])).toEqual([
      [
        'fentanyl-kills-tens-of-thousands-of-americans-yearly',
        'Fentanyl kills tens of thousands of Americans each year.',
      ],
    ]);
  });
});

describe('npm run annotate on input that is not UTF-8 text', () => {
  it('reads Latin-1 text as Latin-1 and says so on stderr', async () => {
    const path = join(dir, 'latin1.txt');
    writeFileSync(path, Buffer.from('Nicolás Maduro spoke in Caracas.\n', 'latin1'));
    const result = await run(['--format', 'json', path]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/latin1\.txt is not UTF-8: read as Latin-1/);
    const [file] = (JSON.parse(result.out) as { files: FileAnnotations[] }).files;
    expect(file!.entities[0]).toMatchObject({ id: 'nicolas-maduro', text: 'Nicolás Maduro' });
  });

  it('refuses a binary file with exit code 2 and prints nothing on stdout', async () => {
    const path = join(dir, 'binary.txt');
    writeFileSync(
      path,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...Buffer.from('Maduro')]),
    );
    const result = await run(['--format', 'json', path]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/binary\.txt is not text/);
    expect(result.out).toBe('');
  });

  it('refuses a file over the size limit with a message, before reading it', async () => {
    const path = join(dir, 'huge.txt');
    // Sparse: the file has the size without taking the disk space.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1);
    closeSync(fd);
    const result = await run(['--format', 'json', path]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/huge\.txt is 64\.0 MiB; the limit is 64 MiB/);
    expect(result.out).toBe('');
  });
});
