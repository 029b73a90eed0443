/** Typed messages between the content script, the popup and the background worker. */
import type { EntityType } from './knowledge/types';

export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface FoundClaim {
  id: string;
  statement: string;
  status: string;
  count: number;
}

export interface PageReport {
  url: string;
  title: string;
  renderer: 'highlight-api' | 'wrap' | 'off';
  entities: FoundEntity[];
  claims: FoundClaim[];
}

export type Message =
  | { type: 'get-page-report' }
  | { type: 'reveal'; kind: 'entity' | 'claim'; id: string; occurrence: number }
  | { type: 'page-report'; report: PageReport };

export type Reply<M extends Message> = M extends { type: 'get-page-report' }
  ? PageReport
  : M extends { type: 'reveal' }
    ? boolean
    : void;

const TYPES = new Set<Message['type']>(['get-page-report', 'reveal', 'page-report']);

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as Message['type'])
  );
}
