/** Typed messages between the content script, the popup and the background worker. */
import type { EntityType } from '../knowledge/types';

export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
  /** Imported pack id; none for the bundled pack. */
  pack?: string;
}

export interface FoundClaim {
  id: string;
  statement: string;
  status: string;
  count: number;
  pack?: string;
}

export interface PageReport {
  url: string;
  title: string;
  renderer: 'highlight-api' | 'wrap' | 'off';
  entities: FoundEntity[];
  claims: FoundClaim[];
}

export type CommandName = 'toggle-highlights' | 'next-highlight' | 'previous-highlight';

export type Message =
  | { type: 'get-page-report' }
  | { type: 'get-page-findings' }
  | { type: 'get-card'; kind: 'entity' | 'claim'; id: string; pack?: string }
  | { type: 'command'; command: CommandName }
  | { type: 'reveal'; kind: 'entity' | 'claim'; id: string; pack?: string; occurrence: number }
  | { type: 'page-report'; report: PageReport };

const TYPES = new Set<Message['type']>([
  'get-page-findings',
  'get-page-report',
  'get-card',
  'command',
  'reveal',
  'page-report',
]);

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as Message['type'])
  );
}
