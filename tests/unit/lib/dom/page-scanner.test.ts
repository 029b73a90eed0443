// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PageScanner, createPageScanner } from '../../../../lib/dom/page-scanner';
import { MARK_TAG } from '../../../../lib/dom/paint';
import { compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { localFinder } from '../../../../lib/matcher/text-finder';

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
    scanner = createPageScanner(document, localFinder(matcher), { forceWrap: true, settleDelay: 20 });
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
    scanner = createPageScanner(document, localFinder(matcher), {
      forceWrap: true,
      isShown: (hit) => hit.kind === 'entity' && hit.finding.entity === 1,
    });
    await scanner.scan();
    expect(marked()).toEqual(['Gustavo Petro']);
  });

  it('filters with the newest isShown when it changes while the scan filters', async () => {
    document.body.innerHTML = '<p>Nicolás Maduro met Gustavo Petro.</p>';
    let swapped = false;
    const current = createPageScanner(document, localFinder(matcher), {
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

describe('first mentions', () => {
  const story = '<p>Nicolás Maduro spoke. Gustavo Petro replied to Nicolás Maduro.</p><p>Nicolás Maduro left.</p>';

  it('paints the first mention of each name and keeps every mention in the findings', async () => {
    document.body.innerHTML = story;
    scanner = createPageScanner(document, localFinder(matcher), { forceWrap: true, everyMention: () => false });
    await scanner.scan();
    expect(marked()).toEqual(['Nicolás Maduro', 'Gustavo Petro']);
    expect(scanner.findings().entities.map((f) => f.range.toString())).toEqual([
      'Nicolás Maduro',
      'Gustavo Petro',
      'Nicolás Maduro',
      'Nicolás Maduro',
    ]);
    expect(scanner.painted().entities).toHaveLength(2);
    // An unpainted mention is not a highlight to hover.
    const later = document.querySelectorAll('p')[1]!.firstChild!;
    expect(scanner.hitTest(later, 2)).toBeUndefined();
  });

  it('paints every mention of the categories everyMention says so of', async () => {
    document.body.innerHTML = story;
    scanner = createPageScanner(document, localFinder(matcher), {
      forceWrap: true,
      everyMention: (hit) => hit.kind === 'entity' && hit.finding.entity === 0,
    });
    await scanner.scan();
    expect(marked()).toEqual(['Nicolás Maduro', 'Gustavo Petro', 'Nicolás Maduro', 'Nicolás Maduro']);
  });

  it('paints a later mention once the reader jumps to it, and hovering reaches it then', async () => {
    document.body.innerHTML = story;
    scanner = createPageScanner(document, localFinder(matcher), { forceWrap: true, everyMention: () => false });
    await scanner.scan();
    expect(scanner.reveal('entity', 'nicolas-maduro', 2)).toBe(true);
    expect(marked()).toEqual(['Nicolás Maduro', 'Gustavo Petro', 'Nicolás Maduro']);
    const mark = document.querySelectorAll('p')[1]!.querySelector(MARK_TAG)!;
    expect(mark.textContent).toBe('Nicolás Maduro');
    expect(scanner.hitTest(mark.firstChild!, 2)?.kind).toBe('entity');
    expect(scanner.painted().entities.map((f) => f.story)).toEqual([0, 0, 0]);
  });

  it('gives a part of the page rescanned after a change stories of its own', async () => {
    // Rescanning only the changed part needs the Highlight API painter: a minimal one (happy-dom has none).
    const registry = new Map<string, unknown>();
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    (window as unknown as { Highlight: unknown }).Highlight = class extends Set<Range> {
      priority = 0;
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    };
    try {
      document.body.innerHTML = `<main>${story}</main><aside><p>Waiting for news.</p></aside>`;
      const current = createPageScanner(document, localFinder(matcher), { settleDelay: 10, everyMention: () => false });
      scanner = current;
      expect(scanner.painter.kind).toBe('highlight-api');
      await current.scan();
      document.querySelector('aside p')!.textContent = 'Live: Nicolás Maduro again.';
      await expect.poll(() => current.findings().entities.length).toBe(5);
      const stories = current.findings().entities.map((f) => f.story);
      expect(stories.at(-1)).not.toBe(stories[0]);
      expect(current.painted().entities.map((f) => f.range.startContainer.parentElement?.textContent)).toEqual([
        document.querySelector('p')!.textContent,
        document.querySelector('p')!.textContent,
        'Live: Nicolás Maduro again.',
      ]);
    } finally {
      scanner?.stop();
      delete (window as unknown as { Highlight?: unknown }).Highlight;
    }
  });
});
