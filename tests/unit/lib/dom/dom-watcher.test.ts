// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DomChange,
  type DomWatcher,
  MAX_INCREMENTAL_ROOTS,
  createDomWatcher,
} from '../../../../lib/dom/dom-watcher';

const SETTLE = 20;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let watcher: DomWatcher | undefined;
let changes: DomChange[];
let repaired: boolean;

function watch(options: { alwaysFull?: boolean } = {}): DomWatcher {
  watcher = createDomWatcher(document, {
    ownHosts: new Set(['BACKSTORY-UI']),
    settleDelay: SETTLE,
    repair: () => repaired,
    onChange: (change) => changes.push(change),
    ...options,
  });
  // Watching starts once our own first DOM work is done.
  watcher.unobserved(() => {});
  return watcher;
}

beforeEach(() => {
  changes = [];
  repaired = false;
  document.body.innerHTML =
    '<main><section id="a"><p id="a1">One.</p></section><section id="b"><p>Two.</p></section></main><backstory-ui></backstory-ui>';
});
afterEach(() => watcher?.stop());

const byId = (id: string) => document.getElementById(id)!;

describe('DOM watcher', () => {
  it('hands over a burst of changes once, after the page settles, as the outermost changed subtrees', async () => {
    watch();
    byId('a1').append(' More.');
    byId('a').append(document.createElement('p'));
    byId('b').firstElementChild!.firstChild!.nodeValue = 'Changed.';
    await wait(SETTLE / 2);
    expect(changes).toEqual([]);
    await wait(SETTLE * 3);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.full).toBe(false);
    expect(changes[0]!.roots).toEqual([byId('a'), byId('b').firstElementChild]);
  });

  it('ignores changes inside our own hosts and asks for a full scan when the body itself changes', async () => {
    watch();
    document.querySelector('backstory-ui')!.append('card text');
    await wait(SETTLE * 3);
    expect(changes).toEqual([]);
    document.body.append(document.createElement('div'));
    await wait(SETTLE * 3);
    expect(changes).toEqual([{ roots: [], full: true }]);
  });

  it('asks for a full scan above the most subtrees worth rescanning one by one, or always when told to', async () => {
    const sections = Array.from({ length: MAX_INCREMENTAL_ROOTS + 1 }, () => document.createElement('section'));
    byId('b').after(...sections);
    watch();
    for (const section of sections) section.append('x');
    await wait(SETTLE * 3);
    expect(changes).toEqual([{ roots: [], full: true }]);
    watcher!.stop();

    changes = [];
    watch({ alwaysFull: true });
    byId('a1').append(' More.');
    await wait(SETTLE * 3);
    expect(changes).toEqual([{ roots: [], full: true }]);
  });

  it('asks for a full scan when our repair undid marks the page broke', async () => {
    watch();
    repaired = true;
    byId('a1').append(' More.');
    await wait(SETTLE * 3);
    expect(changes).toEqual([{ roots: [], full: true }]);
  });

  it('does not see our own work, but keeps page changes made before it', async () => {
    watch();
    byId('a1').append(' By the page.');
    watcher!.unobserved(() => byId('b').append(document.createElement('mark')));
    await wait(SETTLE * 3);
    expect(changes).toEqual([{ roots: [byId('a1')], full: false }]);
  });

  it('hands over a page that never stops changing after a few settle delays', async () => {
    watch();
    const started = performance.now();
    while (!changes.length && performance.now() - started < SETTLE * 20) {
      byId('a1').append('.');
      await wait(SETTLE / 4);
    }
    expect(changes.length).toBe(1);
    expect(performance.now() - started).toBeLessThan(SETTLE * 10);
  });

  it('hands nothing over once stopped', async () => {
    watch().stop();
    byId('a1').append(' More.');
    await wait(SETTLE * 3);
    expect(changes).toEqual([]);
  });
});
