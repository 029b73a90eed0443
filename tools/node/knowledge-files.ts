/** Node-side loading of the archive and curated files, shared by the CLIs and the tests. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ArchiveInput, type CuratedInput, compilePack } from '../../lib/pack-compiler/compile-pack';
import { readArchiveSources, readClaims, readEntities, readTopic } from '../../lib/knowledge/curated';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { Checker, KnowledgeError } from '../../lib/knowledge/validate';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface KnowledgeDirs {
  archive: string;
  curated: string;
}

export const DEFAULT_DIRS: KnowledgeDirs = {
  archive: join(PROJECT_ROOT, 'assets', 'archive'),
  curated: join(PROJECT_ROOT, 'assets', 'curated'),
};

export const PACK_PATH = join(PROJECT_ROOT, 'assets', 'knowledge.json');

function readJson(check: Checker, path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    check.fail('$', `valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

export interface LoadedInputs {
  archive: ArchiveInput;
  curated: CuratedInput;
}

export function loadInputs(dirs: KnowledgeDirs = DEFAULT_DIRS): LoadedInputs {
  const checkers: Checker[] = [];
  const checker = (path: string) => {
    const check = new Checker(relative(join(dirs.curated, '..'), path));
    checkers.push(check);
    return check;
  };
  const sourcesPath = join(dirs.archive, 'sources.json');
  const sourcesCheck = checker(sourcesPath);
  const articles = readArchiveSources(sourcesCheck, readJson(sourcesCheck, sourcesPath));
  const files: Record<string, string> = {};
  for (const article of articles) files[article.file] ??= readFileSync(join(dirs.archive, article.file), 'utf8');
  const topicPath = join(dirs.curated, 'topic.json');
  const topicCheck = checker(topicPath);
  const curated: CuratedInput = {
    ...(existsSync(topicPath) ? { topic: readTopic(topicCheck, readJson(topicCheck, topicPath)) } : {}),
    entities: jsonFiles(join(dirs.curated, 'entities')).map((path) => {
      const check = checker(path);
      return { file: check.file, records: readEntities(check, readJson(check, path)) };
    }),
    claims: jsonFiles(join(dirs.curated, 'claims')).map((path) => {
      const check = checker(path);
      return { file: check.file, records: readClaims(check, readJson(check, path)) };
    }),
  };
  const issues = checkers.flatMap((c) => c.issues);
  if (issues.length) throw new KnowledgeError(issues);
  return { archive: { articles, files }, curated };
}

/** The version names the newest source's date and a hash of everything the pack is built from. */
export function packVersion(inputs: LoadedInputs): string {
  const hash = createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 10);
  const newest =
    inputs.archive.articles
      .map((a) => a.date)
      .sort()
      .at(-1) ?? '0000-00-00';
  return `${newest}+${hash}`;
}

export function buildPack(dirs: KnowledgeDirs = DEFAULT_DIRS, name?: string): KnowledgePack {
  const inputs = loadInputs(dirs);
  return compilePack(packVersion(inputs), inputs.archive, inputs.curated, name);
}

export function serializePack(pack: KnowledgePack): string {
  return JSON.stringify(pack, null, 1) + '\n';
}
