/**
 * The requests between the content script, the popup and the background worker, each with the shape
 * of its reply, in one map: a handler that answers with the wrong shape, or a caller that expects
 * another, does not compile. Pure: the extension passes its messaging API in (browser.runtime,
 * a tab's sendMessage), so the same code runs against WXT's fakeBrowser in the unit tests.
 */
import type { PageFindingsData } from '../export/findings';
import type { EntityType } from '../knowledge/types';
import type { FindReply, FindRequest } from '../matcher/text-finder';
import type { MatcherSource } from '../preferences/merged-matcher';
import type { Correction } from '../preferences/corrections';
import type { Settings } from '../preferences/settings';
import type { CardData } from '../view/card-data';

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

/** The stored settings and corrections, as the background worker gives them to pages. */
export interface PageSettings {
  settings: Settings;
  corrections: Correction[];
}

export type CommandName = 'toggle-highlights' | 'next-highlight' | 'previous-highlight';

/** Each request type: [what the request carries besides its type, what the reply is]. */
export interface Protocol {
  /** Popup → content script: the counts the popup lists. */
  'get-page-report': [object, PageReport];
  /** Popup → content script: everything an export needs; null before the page is scanned. */
  'get-page-findings': [object, PageFindingsData | null];
  /** Content script → background: a card's content, from the bundled or an imported pack. */
  'get-card': [{ kind: 'entity' | 'claim'; id: string; pack?: string }, CardData | null];
  /** Background → content script: a keyboard shortcut. */
  command: [{ command: CommandName }, void];
  /** Popup → content script: scroll to and flash an occurrence; false when it is not on the page. */
  reveal: [{ kind: 'entity' | 'claim'; id: string; pack?: string; occurrence: number }, boolean];
  /** Content script → background and popup: the page's counts changed. */
  'page-report': [{ report: PageReport }, void];
  /** Content script → background: the names and claims in the page's text (its matcher lives there). */
  find: [{ request: FindRequest }, FindReply & { source: MatcherSource }];
  /** Background → content scripts: the packs changed; findings so far are of the old matcher. */
  'packs-changed': [object, void];
  /** Content script → background: what a page needs to know before it starts. */
  'page-settings': [object, PageSettings];
  /** Background → content scripts: the settings or the corrections changed. */
  'settings-changed': [PageSettings, void];
}

export type RequestType = keyof Protocol;
export type Request<K extends RequestType = RequestType> = K extends RequestType ? { type: K } & Protocol[K][0] : never;
export type Reply<K extends RequestType> = Protocol[K][1];

const TYPES = new Set<string>([
  'get-page-findings',
  'get-page-report',
  'get-card',
  'command',
  'reveal',
  'page-report',
  'find',
  'packs-changed',
  'page-settings',
  'settings-changed',
] satisfies RequestType[]);

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

/** Where a request goes: `(message) => browser.runtime.sendMessage(message)`, or a tab's sendMessage. */
export type Transport = (message: Request) => Promise<unknown>;

/** Sends `request` and gives its reply, typed by the protocol. */
export function send<K extends RequestType>(transport: Transport, request: Request<K>): Promise<Reply<K>> {
  return transport(request) as Promise<Reply<K>>;
}

export interface Sender {
  tab?: { id?: number };
}

/** The requests one side answers: a reply of the wrong shape is a compile error. */
export type Handlers = {
  [K in RequestType]?: (request: Request<K>, sender: Sender) => Reply<K> | Promise<Reply<K>>;
};

type Listener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** browser.runtime.onMessage, as far as onRequest needs it. */
export interface MessageEvents {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/**
 * Answers the requests `handlers` names; anything else is left to other listeners (a reply of
 * undefined would take the place of theirs). A handler with nothing to say (void) sends no reply.
 * Returns the function that stops listening.
 */
export function onRequest(events: MessageEvents, handlers: Handlers): () => void {
  const listener: Listener = (message, sender) => {
    if (!isRequest(message)) return undefined;
    const handler = handlers[message.type] as ((request: Request, sender: Sender) => unknown) | undefined;
    if (!handler) return undefined;
    const reply = handler(message, sender);
    return reply === undefined ? undefined : Promise.resolve(reply);
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
