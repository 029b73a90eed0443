/**
 * Vite plugin: `virtual:backstory-matcher` is everything the background worker needs to search pages'
 * text, made at build time from assets/knowledge.json: the matcher data (no summaries, claims'
 * evidence or passages) in lazily parsed chunks, the automaton and fold tables as one binary blob,
 * and the WebAssembly scan loop. Nothing is built or folded when the worker starts.
 *
 * A small pack travels inside background.js. A large one goes into `matcher.bin` beside it
 * (lib/matcher/matcher-resource.ts), which the worker reads when the first page asks.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { KnowledgePack } from '../../knowledge/types';
import { buildAutomaton } from '../../scan/automaton';
import { type MatcherData, matcherDataFromPack } from '../../matcher/compile';
import { type EncodedMatcherData, encodeMatcherData } from '../../matcher/lazy-data';
import { encodeMatcherResource } from '../../matcher/matcher-resource';
import { serializeScanTables } from '../../scan/scan-tables';
import { computeFoldTables } from '../../text/fold';
import { SCANNER_WAT, compileScannerWasm } from './scanner-wasm';

const ID = 'virtual:backstory-matcher';
export const MATCHER_RESOURCE = 'matcher.bin';
/**
 * Above this many characters of inlined data and tables, the matcher moves to MATCHER_RESOURCE. An
 * inlined literal costs content.js evaluation about 3–4 ms per MB, all in one task (25 MB: 62–97 ms);
 * reading the file costs waiting time instead (100–400 ms here for 23 MB), in short tasks.
 */
export const INLINE_MAX_CHARS = 8 * 1024 * 1024;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The matcher as the background worker gets it: data in chunks, and the automaton and fold tables. */
export function matcherParts(data: MatcherData): { data: EncodedMatcherData; tables: Uint8Array } {
  const tables = serializeScanTables({ automaton: buildAutomaton(data.keys), fold: computeFoldTables() });
  return { data: encodeMatcherData(data), tables };
}

export function matcherModule(packPath: string, inlineMaxChars = INLINE_MAX_CHARS): Plugin {
  let resource: Uint8Array | undefined;
  // WXT runs one Vite build per group of entrypoints: only the background's emits the resource.
  let used = false;
  return {
    name: 'backstory-matcher',
    buildStart() {
      used = false;
    },
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    async load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(packPath);
      this.addWatchFile(SCANNER_WAT);
      used = true;
      const pack = JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack;
      const { data, tables } = matcherParts(matcherDataFromPack(pack));
      const wasm = `export const scannerWasm = ${JSON.stringify(base64(await compileScannerWasm()))};`;
      const base64Chars = Math.ceil(tables.byteLength / 3) * 4;
      if (JSON.stringify(data).length + base64Chars > inlineMaxChars) {
        resource = encodeMatcherResource({ data, tables });
        return [`export const bundledMatcher = ${JSON.stringify({ resource: MATCHER_RESOURCE })};`, wasm].join('\n');
      }
      resource = undefined;
      // String literals cost the script's compile a fast scan; each chunk is parsed when first read.
      return [
        `export const bundledMatcher = ${JSON.stringify({ inline: { data, tables: base64(tables) } })};`,
        wasm,
      ].join('\n');
    },
    generateBundle() {
      if (used && resource) this.emitFile({ type: 'asset', fileName: MATCHER_RESOURCE, source: resource });
    },
  };
}
