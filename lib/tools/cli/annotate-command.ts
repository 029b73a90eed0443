/** `npm run annotate`: arguments, output formats and the whole command, with its I/O passed in. */
import { toCsv } from '../../export/csv';
import { type PageFindingsData, asExportPack } from '../../export/findings';
import { toMarkdown } from '../../export/markdown';
import { toWebAnnotations } from '../../export/web-annotation';
import {
  type AnnotationPack,
  type FileAnnotations,
  type FileKind,
  annotateText,
  fileKind,
  matcherFromPack,
} from '../../findings/annotate';
import type { KnowledgePack } from '../../knowledge/types';
import type { Matcher } from '../../matcher/compile';

export const OUTPUT_FORMATS = ['json', 'text', 'jsonld', 'markdown', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The largest file annotate reads (happy-dom and the text index hold several copies of it). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A file annotate will not read (binary, too large): said in one line, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

const MIB = 1024 * 1024;

/** Refuses a file over MAX_INPUT_BYTES before it is read. */
export function checkInputSize(path: string, bytes: number): void {
  if (bytes > MAX_INPUT_BYTES) {
    throw new InputError(
      `${path} is ${(bytes / MIB).toFixed(1)} MiB; the limit is ${MAX_INPUT_BYTES / MIB} MiB (split the file)`,
    );
  }
}

// Tab, line feed, vertical tab, form feed, carriage return and escape: the C0 controls text files use.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/** A control byte no text file has (NUL above all): binary data, checked in the first 4 KiB and for NUL throughout. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.some((byte) => byte < 0x20 && !TEXT_CONTROLS.has(byte)) || bytes.includes(0);
}

/**
 * A file's bytes as text: UTF-8 (a byte-order mark dropped); text that is not valid UTF-8 is read as
 * Latin-1 (Windows-1252, what older newsroom exports use) and `latin1` says so; binary data (control
 * bytes no text has) is refused. A lenient UTF-8 decoding would turn "Nicolás" into "Nicol\uFFFDs" and
 * lose the match silently.
 */
export function decodeInput(path: string, bytes: Uint8Array): { text: string; latin1: boolean } {
  if (looksBinary(bytes)) {
    throw new InputError(`${path} is not text (it has control bytes such as NUL): give a .txt or .html file`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), latin1: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), latin1: true };
  }
}

export const USAGE =
  'usage: npm run --silent annotate -- [--format json|text|jsonld|markdown|csv] [--pack PATH] FILE...';

export const HELP = `${USAGE}

Finds the knowledge pack's entities and claims in each FILE, as the Backstory content script would.
  FILE           .txt (annotated as is) or .html/.htm (the page text the extension scans)
  --format F     json (default): {"files":[{"path","entities","claims"}]}
                 text: a readable listing
                 jsonld: W3C Web Annotation JSON-LD, one AnnotationCollection per FILE, one per line
                   (JSON Lines: one FILE gives exactly one JSON-LD document)
                 markdown: a brief per FILE (title, URL, findings by group, claims, sources),
                   several FILEs separated by a --- rule
                 csv: RFC 4180 (CRLF), one header row, one row per occurrence of every FILE
                   (the page_url column tells FILEs apart)
  --pack PATH    knowledge pack to use (default: assets/knowledge.json)
  -h, --help     this help
Offsets are UTF-16 code units into the file's text (for HTML, into the extracted page text), except
jsonld's TextPositionSelector, which counts Unicode code points as the Web Annotation model says.
For jsonld, markdown and csv a page's URL is its file: URL and its title the HTML <title> (or the
file name).`;

export interface AnnotateOptions {
  format: OutputFormat;
  pack?: string;
  files: string[];
  help: boolean;
}

export type ParsedArgs = { ok: true; options: AnnotateOptions } | { ok: false; error: string };

/** Parses `[--format json|text] [--pack PATH] [--] FILE...` (also `--format=text`, `--pack=PATH`). */
export function parseAnnotateArgs(args: readonly string[]): ParsedArgs {
  const options: AnnotateOptions = { format: 'json', files: [], help: false };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyFiles || !arg.startsWith('-')) {
      options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name !== '--format' && name !== '--pack') return { ok: false, error: `unknown option ${arg}` };
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else value = args[++i];
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
    if (name === '--format') {
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        return {
          ok: false,
          error: `unknown format ${JSON.stringify(value)} (expected json, text, jsonld, markdown or csv)`,
        };
      }
      options.format = value as OutputFormat;
    } else {
      options.pack = value;
    }
  }
  if (!options.help && options.files.length === 0) return { ok: false, error: 'no FILE given' };
  return { ok: true, options };
}

/** The stable JSON output: `{"files":[{"path","entities":[…],"claims":[…]}]}`. */
export function formatJson(files: readonly FileAnnotations[]): string {
  return JSON.stringify({ files }, null, 2);
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A readable listing: per file, the entities found (grouped by entity) and the claims. */
export function formatText(files: readonly FileAnnotations[]): string {
  const lines: string[] = [];
  for (const file of files) {
    if (lines.length) lines.push('');
    lines.push(file.path);
    const distinct = new Set(file.entities.map((e) => e.id)).size;
    lines.push(`  entities: ${file.entities.length} highlight(s) of ${distinct} entit${distinct === 1 ? 'y' : 'ies'}`);
    const width = String(Math.max(0, ...file.entities.map((e) => e.end), ...file.claims.map((c) => c.end))).length;
    const span = (start: number, end: number) => `${String(start).padStart(width)}-${String(end).padEnd(width)}`;
    for (const e of file.entities) {
      const why = e.rule === 'alias' ? '' : `, ${e.rule}${e.cue ? `: ${clip(e.cue, 40)}` : ''}`;
      lines.push(`    ${span(e.start, e.end)}  ${JSON.stringify(e.text)} → ${e.name} (${e.id}, ${e.type}${why})`);
    }
    lines.push(`  claims: ${file.claims.length}`);
    for (const c of file.claims) {
      lines.push(`    ${span(c.start, c.end)}  ${c.id} [${c.status}]`);
      lines.push(`      claim: ${clip(c.statement, 110)}`);
      lines.push(`      text:  ${clip(c.text, 110)}`);
    }
  }
  return lines.join('\n');
}

/** What `runAnnotate` needs from the outside world (Node: tools/node/annotate-files.ts). */
export interface AnnotateIo {
  /** The default pack path, used when there is no `--pack`. */
  defaultPack: string;
  readPack(path: string): AnnotationPack;
  /** Whether `path` is a readable regular file, is missing, or is something else (a directory). */
  stat(path: string): 'file' | 'missing' | 'other';
  /** The file's text (decodeInput); `warn` hears that it was read as Latin-1. Throws InputError. */
  readText(path: string, kind: FileKind, warn?: (message: string) => void): Promise<string>;
  /**
   * For the export formats: the text (as readText) with the page's title and URL. Without it the
   * title is the path and the URL the path percent-encoded.
   */
  readPage?(
    path: string,
    kind: FileKind,
    warn?: (message: string) => void,
  ): Promise<{ text: string; title: string; url: string }>;
  out(text: string): void;
  /** Writes `text` exactly, with no newline added (CSV ends its records with CRLF); default: out() without the final newline. */
  write?(text: string): void;
  err(text: string): void;
}

const escapeLineSeparator = (c: string) => `\\u${c.charCodeAt(0).toString(16)}`;

/** The export formats (jsonld, markdown, csv) for several files, as the command prints them. */
export function formatExport(
  format: 'jsonld' | 'markdown' | 'csv',
  pages: readonly PageFindingsData[],
  pack: KnowledgePack,
): string {
  if (format === 'csv') return toCsv(pages, pack);
  if (format === 'markdown') return pages.map((page) => toMarkdown(page, pack)).join('\n---\n\n');
  // JSON Lines: one document per line. U+2028/U+2029 (the text index's block separator) are escaped
  // so that no line reader that also splits on them cuts a document in two.
  return pages
    .map((page) => `${JSON.stringify(toWebAnnotations(page, pack)).replace(/[\u2028\u2029]/g, escapeLineSeparator)}\n`)
    .join('');
}

/**
 * The whole command: parses `args`, checks every file before any output, annotates, prints.
 * Returns the exit code: 0 done, 2 usage or input error (unknown option, missing, unsupported, binary
 * or too large file, bad pack).
 */
export async function runAnnotate(args: readonly string[], io: AnnotateIo): Promise<number> {
  const usageError = (message: string) => {
    io.err(`annotate: ${message}\n${USAGE}`);
    return 2;
  };
  const warn = (message: string) => io.err(`annotate: ${message}`);
  try {
    return await annotateFiles(args, io, usageError, warn);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warn(error.message);
    return 2;
  }
}

async function annotateFiles(
  args: readonly string[],
  io: AnnotateIo,
  usageError: (message: string) => number,
  warn: (message: string) => void,
): Promise<number> {
  const parsed = parseAnnotateArgs(args);
  if (!parsed.ok) return usageError(parsed.error);
  const { options } = parsed;
  if (options.help) {
    io.out(HELP);
    return 0;
  }
  const files: { path: string; kind: FileKind }[] = [];
  for (const path of options.files) {
    const stat = io.stat(path);
    if (stat === 'missing') return usageError(`no such file: ${path}`);
    if (stat === 'other') return usageError(`not a file: ${path}`);
    const kind = fileKind(path);
    if (!kind) return usageError(`unsupported file type: ${path} (expected .txt, .html or .htm)`);
    files.push({ path, kind });
  }
  const packPath = options.pack ?? io.defaultPack;
  let matcher: Matcher;
  let pack: AnnotationPack;
  try {
    pack = io.readPack(packPath);
    matcher = matcherFromPack(pack);
  } catch (error) {
    return usageError(`cannot load the knowledge pack ${packPath}: ${(error as Error).message}`);
  }
  if (options.format === 'jsonld' || options.format === 'markdown' || options.format === 'csv') {
    let exportPack: KnowledgePack;
    try {
      exportPack = asExportPack(pack);
    } catch (error) {
      return usageError(`cannot load the knowledge pack ${packPath}: ${(error as Error).message}`);
    }
    const pages: PageFindingsData[] = [];
    for (const { path, kind } of files) {
      const page = io.readPage
        ? await io.readPage(path, kind, warn)
        : { text: await io.readText(path, kind, warn), title: path, url: encodeURI(path) };
      pages.push({ url: page.url, title: page.title, text: page.text, ...annotateText(matcher, page.text) });
    }
    const output = formatExport(options.format, pages, exportPack);
    if (io.write) io.write(output);
    else io.out(output.replace(/\r?\n$/, ''));
    return 0;
  }
  const results: FileAnnotations[] = [];
  for (const { path, kind } of files)
    results.push({ path, ...annotateText(matcher, await io.readText(path, kind, warn)) });
  io.out(options.format === 'json' ? formatJson(results) : formatText(results));
  return 0;
}
