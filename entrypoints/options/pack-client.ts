/**
 * The options page's side of the pack worker (pack-worker.ts): checking an imported file and making
 * what a change of packs stores (matcher data, the merged automaton, compressed) take tens of seconds
 * for a 100,000-alias pack, which on the page's main thread froze it for as long. One worker for the
 * page's life, started when first needed; requests are answered in order.
 */
import type { KnowledgePack } from '../../lib/knowledge/types';
import type { ImportResult, InstalledPack, PackStorageResult } from '../../lib/preferences/packs';

type WorkRequest =
  | { type: 'import'; current: InstalledPack[]; fileName: string; text: string; now: string }
  | { type: 'prepare'; packs: InstalledPack[] };

export type PackRequest = { type: 'start'; builtIn: KnowledgePack } | (WorkRequest & { id: number });

/** An import is checked and, when it passes, its storage made in the same request. */
export interface ImportAnswer {
  result: ImportResult;
  storage?: PackStorageResult;
}

export type PackResponse =
  | { id: number; type: 'import'; answer: ImportAnswer }
  | { id: number; type: 'prepare'; storage: PackStorageResult }
  | { id: number; type: 'error'; message: string };

export interface PackWorker {
  importFile(current: readonly InstalledPack[], fileName: string, text: string, now: Date): Promise<ImportAnswer>;
  prepare(packs: readonly InstalledPack[]): Promise<PackStorageResult>;
}

export function createPackWorker(builtIn: KnowledgePack): PackWorker {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (response: PackResponse) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const start = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<PackResponse>) => {
      const response = event.data;
      const request = waiting.get(response.id);
      waiting.delete(response.id);
      if (response.type === 'error') request?.reject(new Error(response.message));
      else request?.resolve(response);
    });
    worker.addEventListener('error', (event) => {
      for (const { reject } of waiting.values()) reject(new Error(event.message || 'the pack worker failed'));
      waiting.clear();
    });
    worker.postMessage({ type: 'start', builtIn } satisfies PackRequest);
    return worker;
  };
  const ask = (request: WorkRequest): Promise<PackResponse> => {
    const id = nextId++;
    const answer = new Promise<PackResponse>((resolve, reject) => waiting.set(id, { resolve, reject }));
    start().postMessage({ ...request, id } satisfies PackRequest);
    return answer;
  };
  return {
    async importFile(current, fileName, text, now) {
      const response = await ask({ type: 'import', current: [...current], fileName, text, now: now.toISOString() });
      if (response.type !== 'import') throw new Error('the pack worker answered another request');
      return response.answer;
    },
    async prepare(packs) {
      const response = await ask({ type: 'prepare', packs: [...packs] });
      if (response.type !== 'prepare') throw new Error('the pack worker answered another request');
      return response.storage;
    },
  };
}
