/**
 * Vite plugin: `virtual:backstory-archive` is the archive browser's core, cut from the pack at build
 * time (lib/archive/split.ts), and the URL of the folder holding the other parts: one JSON file each,
 * written into the build (`archive-parts/`, served from memory by the dev server), fetched by the
 * page only when a view needs them.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { type ArchiveParts, splitPack } from '../../archive/split';
import type { KnowledgePack } from '../../knowledge/types';

const ID = 'virtual:backstory-archive';
const FOLDER = 'archive-parts';

export function archiveModule(packPath: string): Plugin {
  let split: ArchiveParts | undefined;
  const parts = () => (split ??= splitPack(JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack));
  // WXT runs one Vite build per group of entrypoints: only the one holding the archive page emits parts.
  let used = false;
  return {
    name: 'backstory-archive',
    buildStart() {
      used = false;
    },
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(packPath);
      split = undefined;
      used = true;
      // JSON.parse of a string literal is faster to start than the same object as a JS literal. The
      // parts' folder sits at the root, beside archive.html (or of the dev server); it is emitted after
      // Vite looks for the URL's file, so @vite-ignore keeps Vite from warning that it is missing.
      return [
        `export const core = JSON.parse(${JSON.stringify(JSON.stringify(parts().core))});`,
        `export const partsUrl = new URL(/* @vite-ignore */ '/${FOLDER}/', import.meta.url).href;`,
      ].join('\n');
    },
    generateBundle() {
      if (!used) return;
      for (const [name, value] of parts().parts) {
        this.emitFile({ type: 'asset', fileName: `${FOLDER}/${name}.json`, source: JSON.stringify(value) });
      }
    },
    configureServer(server) {
      server.middlewares.use(`/${FOLDER}/`, (request, response, next) => {
        const name = decodeURIComponent(request.url ?? '')
          .replace(/^\//, '')
          .replace(/\.json$/, '');
        const value = parts().parts.get(name);
        if (value === undefined) return next();
        // The dev page runs on the extension's origin, not the dev server's.
        response.setHeader('Access-Control-Allow-Origin', '*');
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(value));
      });
    },
  };
}
