/** A one-person knowledge pack, as a reader might import one: written by the team for tests. */
import type { KnowledgePack } from '../../lib/knowledge/types';

export function smallPack(name: string, entityName: string, summary = 'Someone.'): KnowledgePack {
  return {
    version: '1',
    name,
    sources: [
      { id: 's1', headline: 'H', publisher: 'P', authors: [], date: '2025-01-01', dateIsEstimate: false, url: null },
    ],
    entities: [
      {
        id: entityName.toLowerCase().replace(/\W+/g, '-'),
        type: 'person',
        name: entityName,
        aliases: [],
        ambiguous: [],
        cues: [],
        caseSensitive: [],
        exclude: [],
        summary,
        sources: ['s1'],
        related: [],
        passages: [0],
      },
    ],
    claims: [],
    passages: [{ source: 's1', text: `${entityName} spoke.` }],
  };
}
