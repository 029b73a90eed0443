/**
 * npm run --silent annotate -- [--format json|text] [--pack PATH] FILE...
 * Entities and claims of the knowledge pack found in .txt and .html files (see lib/annotate.ts).
 * Exit codes: 0 done, 2 usage error (unknown option, missing or unsupported file, unreadable pack).
 */
import { existsSync, statSync } from 'node:fs';
import {
  type FileAnnotations,
  HELP,
  USAGE,
  annotateText,
  fileKind,
  formatJson,
  formatText,
  matcherFromPack,
  parseAnnotateArgs,
} from '../annotate';
import { readFileText, readPack } from '../node/annotate-files';
import { PACK_PATH } from '../node/knowledge-files';

function usageError(message: string): number {
  console.error(`annotate: ${message}\n${USAGE}`);
  return 2;
}

async function main(args: string[]): Promise<number> {
  const parsed = parseAnnotateArgs(args);
  if (!parsed.ok) return usageError(parsed.error);
  const { options } = parsed;
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  // Every file is checked before any output, so a typo never leaves half a report.
  const files: { path: string; kind: 'text' | 'html' }[] = [];
  for (const path of options.files) {
    if (!existsSync(path)) return usageError(`no such file: ${path}`);
    if (!statSync(path).isFile()) return usageError(`not a file: ${path}`);
    const kind = fileKind(path);
    if (!kind) return usageError(`unsupported file type: ${path} (expected .txt, .html or .htm)`);
    files.push({ path, kind });
  }
  const packPath = options.pack ?? PACK_PATH;
  let matcher;
  try {
    matcher = matcherFromPack(readPack(packPath));
  } catch (error) {
    return usageError(`cannot load the knowledge pack ${packPath}: ${(error as Error).message}`);
  }
  const results: FileAnnotations[] = [];
  for (const { path, kind } of files) {
    results.push({ path, ...annotateText(matcher, await readFileText(path, kind)) });
  }
  console.log(options.format === 'json' ? formatJson(results) : formatText(results));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
