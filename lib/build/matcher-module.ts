/**
 * Vite plugin: `virtual:backstory-matcher` is everything the content script needs to start
 * scanning, made at build time from assets/knowledge.json: the matcher data (no summaries, claims'
 * evidence or passages) in lazily parsed chunks, the automaton and fold tables as one binary blob,
 * and the WebAssembly scan loop. Nothing is built or folded on the page.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { KnowledgePack } from '../knowledge/types';
import { buildAutomaton } from '../matcher/automaton';
import { matcherDataFromPack } from '../matcher/compile';
import { encodeMatcherData } from '../matcher/lazy-data';
import { serializeScanTables } from '../matcher/scan-tables';
import { computeFoldTables } from '../text/fold';
import { SCANNER_WAT, compileScannerWasm } from './scanner-wasm';

const ID = 'virtual:backstory-matcher';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function matcherModule(packPath: string): Plugin {
  return {
    name: 'backstory-matcher',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    async load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(packPath);
      this.addWatchFile(SCANNER_WAT);
      const pack = JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack;
      const data = matcherDataFromPack(pack);
      const tables = serializeScanTables({ automaton: buildAutomaton(data.keys), fold: computeFoldTables() });
      const wasm = await compileScannerWasm();
      // String literals cost the script's compile a fast scan; each chunk is parsed when first read.
      return [
        `export const encodedData = ${JSON.stringify(encodeMatcherData(data))};`,
        `export const scanTables = ${JSON.stringify(base64(tables))};`,
        `export const scannerWasm = ${JSON.stringify(base64(wasm))};`,
      ].join('\n');
    },
  };
}
