/**
 * Vite plugin: `virtual:backstory-matcher` is the matcher data compiled from assets/knowledge.json
 * at build time, so the content script starts without parsing summaries, claims or passages.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { KnowledgePack } from '../knowledge/types';
import { matcherDataFromPack } from '../matcher/compile';

const ID = 'virtual:backstory-matcher';

export function matcherModule(packPath: string): Plugin {
  return {
    name: 'backstory-matcher',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(packPath);
      const pack = JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack;
      const data = matcherDataFromPack(pack);
      // JSON.parse of a string literal is faster to start than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
