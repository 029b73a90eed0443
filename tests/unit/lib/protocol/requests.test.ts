import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Handlers,
  type PageReport,
  type Request,
  isRequest,
  onRequest,
  send,
} from '../../../../lib/protocol/requests';

const REPORT: PageReport = { url: 'https://example.org/', title: 'A page', renderer: 'wrap', entities: [], claims: [] };
const toRuntime = (message: Request) => fakeBrowser.runtime.sendMessage(message);

beforeEach(() => fakeBrowser.reset());

describe('isRequest', () => {
  it('accepts the protocol’s request types only', () => {
    expect(isRequest({ type: 'get-page-report' })).toBe(true);
    expect(isRequest({ type: 'reveal', kind: 'entity', id: 'x', occurrence: 0 })).toBe(true);
    expect(isRequest({ type: 'get-everything' })).toBe(false);
    expect(isRequest('get-page-report')).toBe(false);
    expect(isRequest(null)).toBe(false);
  });
});

describe('send and onRequest', () => {
  it('delivers each request to its handler and gives back its reply', async () => {
    onRequest(fakeBrowser.runtime.onMessage, {
      'get-page-report': () => REPORT,
      reveal: ({ occurrence }) => Promise.resolve(occurrence === 2),
    });
    await expect(send(toRuntime, { type: 'get-page-report' })).resolves.toEqual(REPORT);
    await expect(send(toRuntime, { type: 'reveal', kind: 'claim', id: 'c', occurrence: 2 })).resolves.toBe(true);
    // fakeBrowser's sendMessage drops falsy replies; the listener's own answer shows the false.
    const missing = { type: 'reveal', kind: 'claim', id: 'c', occurrence: 1 };
    expect(await fakeBrowser.runtime.onMessage.trigger(missing, {})).toEqual([false]);
  });

  it('leaves requests it has no handler for, and anything else, to other listeners', async () => {
    onRequest(fakeBrowser.runtime.onMessage, { 'get-page-report': () => REPORT });
    onRequest(fakeBrowser.runtime.onMessage, { 'get-card': ({ id }) => ({ id }) as never });
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'get-card', kind: 'entity', id: 'e' }, {});
    expect(replies).toEqual([undefined, { id: 'e' }]);
    const strangers = await fakeBrowser.runtime.onMessage.trigger({ type: 'hello' }, {});
    expect(strangers).toEqual([undefined, undefined]);
  });

  it('sends no reply for a handler with nothing to say, and passes the sender', async () => {
    const seen: (number | undefined)[] = [];
    onRequest(fakeBrowser.runtime.onMessage, {
      'page-report': ({ report }, sender) => {
        seen.push(sender.tab?.id, report.entities.length);
      },
    });
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-report', report: REPORT },
      { tab: { id: 7 } as never },
    );
    expect(replies).toEqual([undefined]);
    expect(seen).toEqual([7, 0]);
  });

  it('stops listening when asked', async () => {
    const stop = onRequest(fakeBrowser.runtime.onMessage, { 'get-page-report': () => REPORT });
    await expect(send(toRuntime, { type: 'get-page-report' })).resolves.toEqual(REPORT);
    stop();
    await expect(send(toRuntime, { type: 'get-page-report' })).rejects.toThrow('No listeners');
  });

  it('types replies: a handler answering with another shape does not compile', () => {
    const handlers: Handlers = {
      // @ts-expect-error a reveal is answered with a boolean, not a report
      reveal: () => REPORT,
      // @ts-expect-error a report has a url, a title, a renderer and its lists
      'get-page-report': () => ({ url: '' }),
    };
    expect(Object.keys(handlers)).toEqual(['reveal', 'get-page-report']);
    const reply: Promise<boolean> = send(toRuntime, { type: 'reveal', kind: 'entity', id: 'x', occurrence: 0 });
    // @ts-expect-error the reply to get-page-report is a PageReport, not a boolean
    const wrong: Promise<boolean> = send(toRuntime, { type: 'get-page-report' });
    return Promise.allSettled([reply, wrong]);
  });
});
