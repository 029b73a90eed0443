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

describe('a scan that may paint only once the reader settings are in', () => {
  const gated = () => {
    let open: (allowed: boolean) => void = () => {};
    let fail: (error: Error) => void = () => {};
    const paintWhen = new Promise<boolean>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    let scans = 0;
    const counting = {
      ...matcher,
      scan: (...args: Parameters<typeof matcher.scan>) => (scans++, matcher.scan(...args)),
    };
    const reports: number[] = [];
    scanner = createPageScanner(document, counting, {
      forceWrap: true,
      onScan: (found) => reports.push(found.entities.length),
    });
    return { paintWhen, open, fail, scans: () => scans, reports };
  };

  it('reads the page before they are in, and paints when they allow it', async () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    const { paintWhen, open, scans, reports } = gated();
    const done = scanner!.scan(paintWhen);
    await expect.poll(scans).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(marked()).toEqual([]);
    expect(reports).toEqual([]);
    open(true);
    await done;
    expect(marked()).toEqual(['Nicolás Maduro', 'Gustavo Petro']);
    expect(reports).toEqual([2]);
  });

  it('paints nothing when they do not allow it or cannot be read', async () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    const denied = gated();
    const done = scanner!.scan(denied.paintWhen);
    denied.open(false);
    expect((await done).entities).toEqual([]);
    scanner!.stop();

    const unreadable = gated();
    const failed = scanner!.scan(unreadable.paintWhen);
    unreadable.fail(new Error('Extension context invalidated.'));
    await failed;
    expect(marked()).toEqual([]);
    expect([...denied.reports, ...unreadable.reports]).toEqual([]);
  });
});
