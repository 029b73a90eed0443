/**
 * The suggested keyboard shortcuts on a normal install: Chrome silently leaves a suggested key unset
 * ("Not set" in chrome://extensions/shortcuts) when it clashes with one of the browser's own
 * shortcuts, so each one is checked as a fresh profile assigns it.
 */
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session';

const session = useSession();

describe('keyboard shortcuts', () => {
  it('get the suggested keys assigned in a fresh profile', async () => {
    const { suggested, assigned } = await session.browser.worker.evaluate(async () => {
      const commands = chrome.runtime.getManifest().commands ?? {};
      return {
        suggested: Object.fromEntries(
          Object.entries(commands).flatMap(([name, { suggested_key: key }]) => {
            const keys = typeof key === 'string' ? key : key?.default;
            return keys ? [[name, keys]] : [];
          }),
        ),
        assigned: Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut ?? ''])),
      };
    });
    console.log('suggested shortcuts:', suggested, 'assigned in a fresh profile:', assigned);
    expect(Object.keys(suggested).sort()).toEqual(['next-highlight', 'previous-highlight', 'toggle-highlights']);
    for (const [name, keys] of Object.entries(suggested)) {
      expect(assigned[name], name).toBe(keys);
    }
  });
});
