// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PageScanner, createPageScanner } from '../../../../lib/dom/page-scanner';
import { MARK_TAG } from '../../../../lib/dom/paint';
import { compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';

const person = (id: string, name: string) => ({
  id,
  type: 'person' as const,
  name,
  aliases: [],
  ambiguous: [],
  cues: [],
  caseSensitive: [],
});
const matcher = loadMatcher(
  compileMatcherData('v', [person('nicolas-maduro', 'Nicolás Maduro'), person('gustavo-petro', 'Gustavo Petro')]),
);

const marked = () => [...document.querySelectorAll(MARK_TAG)].map((mark) => mark.textContent);

let scanner: PageScanner | undefined;
beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => scanner?.stop());

describe('page scanner with the wrap painter', () => {
  it('undoes the wrapping of a text node the page writes to before the next task, then wraps again', async () => {
    document.body.innerHTML = '<ul><li>Nicolás Maduro spoke.</li><li>Gustavo Petro replied.</li></ul>';
    const [first, second] = [...document.querySelectorAll('li')].map((li) => li.firstChild as Text);
    scanner = createPageScanner(document, matcher, { forceWrap: true, settleDelay: 20 });
    await scanner.scan();
    expect(marked()).toEqual(['Nicolás Maduro', 'Gustavo Petro']);

    first!.nodeValue = 'Gustavo Petro spoke.';
    // The observer's callback runs at the end of this task's microtasks, before any frame is painted.
    await Promise.resolve();
    expect(document.querySelector('li')!.innerHTML).toBe('Gustavo Petro spoke.');
    expect(marked()).toEqual(['Gustavo Petro']);
    expect(second!.parentNode).toBe(document.querySelectorAll('li')[1]);

    await expect.poll(marked).toEqual(['Gustavo Petro', 'Gustavo Petro']);
    expect(document.querySelector('li')!.firstChild).toBe(first);
  });
});

describe('which findings a full scan paints', () => {
  it('only those isShown lets through', async () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    scanner = createPageScanner(document, matcher, {
      forceWrap: true,
      isShown: (hit) => hit.kind === 'entity' && hit.finding.entity === 1,
    });
    await scanner.scan();
    expect(marked()).toEqual(['Gustavo Petro']);
  });

  it('filters with the newest isShown when it changes while the scan filters', async () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    let swapped = false;
    const current = createPageScanner(document, matcher, {
      forceWrap: true,
      isShown: () => {
        // The reader hides everything while the scan is filtering its findings.
        if (!swapped) {
          swapped = true;
          current.setShown(() => false);
        }
        return true;
      },
    });
    scanner = current;
    await current.scan();
    expect(swapped).toBe(true);
    expect(marked()).toEqual([]);
  });
});
