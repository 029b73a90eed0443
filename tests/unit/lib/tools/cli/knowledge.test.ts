import { execFile } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../../lib/tools/node/knowledge-files';

const EXAMPLE = join(PROJECT_ROOT, 'assets', 'examples', 'custom-pack');

/** Runs `npm run knowledge -- ARGS` as a person would; never throws. */
function knowledge(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'lib/tools/cli/knowledge.ts', ...args], { cwd: PROJECT_ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let archive: string;
let curated: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-knowledge-'));
  cpSync(EXAMPLE, join(dir, 'pack'), { recursive: true });
  archive = join(dir, 'pack', 'archive');
  curated = join(dir, 'pack', 'curated');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = (out: string, overrides: { archive?: string; curated?: string } = {}) =>
  knowledge(['--archive', overrides.archive ?? archive, '--curated', overrides.curated ?? curated, '--out', out]);

/** One line on stderr, no stack trace, exit code 2. */
function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

function setArticleFile(file: string) {
  const path = join(archive, 'sources.json');
  const sources = JSON.parse(readFileSync(path, 'utf8')) as { articles: { file: string }[] };
  sources.articles[0]!.file = file;
  writeFileSync(path, JSON.stringify(sources));
}

describe('npm run knowledge on a bad archive or bad paths', { timeout: 60_000 }, () => {
  it('refuses an article file outside the archive folder, and the file stays out of the pack', async () => {
    writeFileSync(join(dir, 'secret-notes.md'), 'TOP SECRET line one\n'.repeat(40));
    setArticleFile('../../secret-notes.md');
    const out = join(dir, 'pack.json');
    const result = await build(out);
    expectOneLineError(result, /\.\.\/\.\.\/secret-notes\.md.*outside the archive folder/);
    expect(() => readFileSync(out, 'utf8')).toThrow();
  });

  it('refuses an absolute article path', async () => {
    setArticleFile(join(dir, 'elsewhere.md'));
    expectOneLineError(await build(join(dir, 'pack.json')), /outside the archive folder/);
  });

  it('names a missing article file in one line', async () => {
    setArticleFile('missing.md');
    expectOneLineError(await build(join(dir, 'pack.json')), /missing\.md/);
  });

  it('names a missing curated folder in one line', async () => {
    rmSync(join(curated, 'claims'), { recursive: true });
    expectOneLineError(await build(join(dir, 'pack.json')), /claims/);
  });

  it('refuses --curated pointing at a file', async () => {
    const file = join(dir, 'not-a-folder.json');
    writeFileSync(file, '{}');
    expectOneLineError(await build(join(dir, 'pack.json'), { curated: file }), /not a folder/);
  });

  it('refuses --out pointing at a folder', async () => {
    const out = join(dir, 'out-folder');
    mkdirSync(out);
    expectOneLineError(await build(out), /out-folder.*is a folder/);
  });

  it('replaces the output file in one step (a temporary file renamed over it)', async () => {
    const out = join(dir, 'pack.json');
    writeFileSync(out, 'old pack\n');
    // A second name for the old file: a write in place would change it too, a rename leaves it be.
    linkSync(out, join(dir, 'old-link.json'));
    const result = await build(out);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ entities: expect.any(Array) });
    expect(readFileSync(join(dir, 'old-link.json'), 'utf8')).toBe('old pack\n');
  });
});

describe('npm run knowledge -- --report-claims', { timeout: 60_000 }, () => {
  it('counts the archive’s checkable sentences and lists each uncovered one with what makes it checkable', async () => {
    const result = await knowledge(['--report-claims']);
    expect(result.code).toBe(0);
    const [summary, ...rows] = result.stdout.trim().split('\n');
    const counts = /Checkable sentences in the archive: (\d+);.*: (\d+);.*: (\d+);.*: (\d+); uncovered: (\d+)$/.exec(
      summary ?? '',
    );
    expect(counts).not.toBeNull();
    const [checkable, byEvidence, byMatcher, excluded, uncovered] = counts!.slice(1).map(Number) as number[];
    expect(byEvidence! + byMatcher! + excluded! + uncovered!).toBe(checkable);
    expect(rows.filter((row) => /^#\d+ [a-z0-9-]+ \[[a-z, ]+\]/.test(row))).toHaveLength(uncovered!);
  });
});
