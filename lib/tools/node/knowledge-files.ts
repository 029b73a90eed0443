/** Node-side loading of the archive and curated files, shared by the CLIs and the tests. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type ClaimExclusion, readClaimExclusions } from '../../pack-compiler/claim-coverage';
import { type ArchiveInput, type CuratedInput, compilePack } from '../../pack-compiler/compile-pack';
import { readArchiveSources, readClaims, readEntities, readSourceNotes, readTopic } from '../../knowledge/curated';
import type { KnowledgePack } from '../../knowledge/types';
import { Checker, KnowledgeError } from '../../knowledge/validate';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');

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

/** A file or folder the compiler cannot use: said in one line, with the path, and no stack trace. */
export class KnowledgePathError extends Error {
  override name = 'KnowledgePathError';
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A folder the compiler reads; a missing one, or a file in its place, is a KnowledgePathError. */
export function requireFolder(path: string, what: string): void {
  if (!existsSync(path)) throw new KnowledgePathError(`${what} ${path} does not exist`);
  if (!isFolder(path)) throw new KnowledgePathError(`${what} ${path} is not a folder`);
}

/**
 * An article file named in sources.json, confined to the archive folder: a `../` or absolute path
 * would copy any file the compiler can read into a pack that is then shared.
 */
export function articlePath(archive: string, file: string): string {
  const path = resolve(archive, file);
  const inside = relative(archive, path);
  if (isAbsolute(file) || inside.startsWith('..') || isAbsolute(inside)) {
    throw new KnowledgePathError(`sources.json names ${file}, a file outside the archive folder ${archive}`);
  }
  if (!existsSync(path)) throw new KnowledgePathError(`sources.json names ${file}, which is not in ${archive}`);
  if (isFolder(path)) throw new KnowledgePathError(`sources.json names ${file}, which is a folder`);
  return path;
}

/**
 * Writes a file in one step: a temporary file beside it, then renamed over it, so that a reader (or
 * a crash) never sees half a pack.
 */
export function writeFileAtomic(path: string, text: string): void {
  if (isFolder(path)) throw new KnowledgePathError(`--out ${path} is a folder; give a file name`);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new KnowledgePathError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

function jsonFiles(dir: string): string[] {
  requireFolder(dir, 'The curated folder');
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
  requireFolder(dirs.archive, 'The archive folder');
  requireFolder(dirs.curated, 'The curated folder');
  const sourcesPath = join(dirs.archive, 'sources.json');
  if (!existsSync(sourcesPath)) throw new KnowledgePathError(`The archive folder has no sources.json: ${sourcesPath}`);
  const sourcesCheck = checker(sourcesPath);
  const articles = readArchiveSources(sourcesCheck, readJson(sourcesCheck, sourcesPath));
  const files: Record<string, string> = {};
  for (const article of articles) {
    // An empty name is already a validation issue of its own.
    if (article.file) files[article.file] ??= readFileSync(articlePath(dirs.archive, article.file), 'utf8');
  }
  const topicPath = join(dirs.curated, 'topic.json');
  const topicCheck = checker(topicPath);
  const notesPath = join(dirs.curated, 'source-notes.json');
  const notesCheck = checker(notesPath);
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
    ...(existsSync(notesPath)
      ? {
          sourceNotes: { file: notesCheck.file, records: readSourceNotes(notesCheck, readJson(notesCheck, notesPath)) },
        }
      : {}),
  };
  const issues = checkers.flatMap((c) => c.issues);
  if (issues.length) throw new KnowledgeError(issues);
  return { archive: { articles, files }, curated };
}

/** The reviewed list of archive sentences left without a claim (none when the file is absent). */
export function loadClaimExclusions(dirs: KnowledgeDirs = DEFAULT_DIRS): ClaimExclusion[] {
  const path = join(dirs.curated, 'claims-excluded.json');
  if (!existsSync(path)) return [];
  const check = new Checker(relative(join(dirs.curated, '..'), path));
  const exclusions = readClaimExclusions(check, readJson(check, path));
  if (check.issues.length) throw new KnowledgeError(check.issues);
  return exclusions;
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
