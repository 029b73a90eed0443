/**
 * Pack imports and changes off the options page's main thread: validates an imported file and makes
 * everything a change of packs will store (lib/preferences/packs.ts). Messages: see pack-client.ts.
 */
import type { KnowledgePack } from '../../lib/knowledge/types';
import { type MatcherData, matcherDataFromPack } from '../../lib/matcher/compile';
import { importPack, preparePackStorage } from '../../lib/preferences/packs';
import type { PackRequest, PackResponse } from './pack-client';

let builtIn: KnowledgePack | undefined;
let builtInData: MatcherData | undefined;
/** The bundled pack's matcher data, which imported packs are merged with (made once). */
const bundledData = (): MatcherData => {
  if (!builtIn) throw new Error('the pack worker was not started');
  return (builtInData ??= matcherDataFromPack(builtIn));
};

async function answer(request: Exclude<PackRequest, { type: 'start' }>): Promise<PackResponse> {
  if (request.type === 'prepare') {
    return { id: request.id, type: 'prepare', storage: await preparePackStorage(request.packs, bundledData()) };
  }
  const result = importPack(request.current, request.fileName, request.text, new Date(request.now));
  const storage = result.ok ? await preparePackStorage(result.packs, bundledData()) : undefined;
  return { id: request.id, type: 'import', answer: { result, ...(storage ? { storage } : {}) } };
}

// One request at a time, in the order sent: a change waits for the one before it.
let queue = Promise.resolve();
addEventListener('message', (event: MessageEvent<PackRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    builtIn = request.builtIn;
    return;
  }
  queue = queue.then(async () => {
    let response: PackResponse;
    try {
      response = await answer(request);
    } catch (error) {
      response = { id: request.id, type: 'error', message: String(error) };
    }
    postMessage(response);
  });
});
