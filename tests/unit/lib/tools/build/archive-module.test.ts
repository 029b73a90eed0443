import { describe, expect, it } from 'vitest';
import packJson from '../../../../../assets/knowledge.json';
import { type ArchiveCore, joinArchive, partNames } from '../../../../../lib/archive/split';
import { archiveModule } from '../../../../../lib/tools/build/archive-module';
import type { KnowledgePack } from '../../../../../lib/knowledge/types';

const pack = packJson as KnowledgePack;

/** Runs the plugin's hooks as one Vite build would, collecting the files it emits. */
function build(loadModule: boolean) {
  const plugin = archiveModule('assets/knowledge.json');
  const emitted = new Map<string, string>();
  const context = {
    addWatchFile: () => {},
    emitFile: ({ fileName, source }: { fileName: string; source: string }) => void emitted.set(fileName, source),
  };
  const call = (hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => unknown).call(context, ...args);
  call(plugin.buildStart);
  const id = call(plugin.resolveId, 'virtual:backstory-archive') as string;
  const code = loadModule ? (call(plugin.load, id) as string) : '';
  call(plugin.generateBundle);
  return { code, emitted };
}

describe('the archive module (build plugin)', () => {
  it('puts the core in the module and writes every other part as a file beside archive.html', () => {
    const { code, emitted } = build(true);
    const literal = /JSON\.parse\((".*")\);/.exec(code)![1]!;
    const core = JSON.parse(JSON.parse(literal) as string) as ArchiveCore;
    expect(code).toContain("new URL(/* @vite-ignore */ '/archive-parts/', import.meta.url)");
    expect([...emitted.keys()].sort()).toEqual(
      partNames(core)
        .map((name) => `archive-parts/${name}.json`)
        .sort(),
    );
    const joined = joinArchive(core, (name) => JSON.parse(emitted.get(`archive-parts/${name}.json`)!));
    expect(joined).toEqual(pack);
  });

  it('writes nothing in the builds that do not include the archive page', () => {
    expect(build(false).emitted.size).toBe(0);
  });

  it('serves the parts from memory on the dev server, to the extension’s origin', () => {
    const plugin = archiveModule('assets/knowledge.json');
    let route = '';
    let handle: (request: { url: string }, response: unknown, next: () => void) => void = () => {};
    const server = {
      middlewares: { use: (path: string, handler: typeof handle) => ([route, handle] = [path, handler]) },
    };
    (plugin.configureServer as (s: unknown) => void)(server);
    expect(route).toBe('/archive-parts/');
    const headers = new Map<string, string>();
    let body = '';
    const response = { setHeader: (k: string, v: string) => headers.set(k, v), end: (text: string) => (body = text) };
    let passed = false;
    handle({ url: '/entity-names.json' }, response, () => (passed = true));
    expect(passed).toBe(false);
    expect(headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect((JSON.parse(body) as { list: { id: string }[] }).list.map((e) => e.id)).toEqual(
      pack.entities.map((e) => e.id),
    );
    handle({ url: '/no-such-part.json' }, response, () => (passed = true));
    expect(passed).toBe(true);
  });
});
