// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARK_TAG, createPainter } from '../../../../lib/dom/paint';
import { FLASH_MS, revealRange } from '../../../../lib/dom/reveal';
import { buildTextIndex, rangeFor } from '../../../../lib/dom/text-index';

function rangeOf(text: string): Range {
  const index = buildTextIndex(document.body);
  const at = index.text.indexOf(text);
  return rangeFor(index, at, at + text.length, document);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p>First paragraph.</p><p id="target">Then Gustavo Petro replied.</p>';
});
afterEach(() => vi.useRealTimers());

describe('revealRange', () => {
  it('scrolls the finding into view and flags its marks for a while (wrap painter)', () => {
    const painter = createPainter(window, true);
    const range = rangeOf('Gustavo Petro');
    painter.paint([{ name: 'entity', ranges: [range] }]);
    const scrolled: unknown[] = [];
    // Wrapping moved the range into the mark: that is the element scrolled to.
    range.startContainer.parentElement!.scrollIntoView = (options?: unknown) => void scrolled.push(options);

    revealRange(window, painter, range);
    expect(scrolled).toEqual([{ block: 'center', behavior: 'smooth' }]);
    const mark = document.querySelector(MARK_TAG)!;
    expect(mark.hasAttribute('data-flash')).toBe(true);
    vi.advanceTimersByTime(FLASH_MS);
    expect(mark.hasAttribute('data-flash')).toBe(false);
  });

  it('flashes through a highlight of its own with the Highlight API, removed after the flash', () => {
    const registry = new Map<string, unknown>();
    const win = {
      document,
      CSS: { highlights: registry },
      Highlight: class {
        readonly ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
      setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
      matchMedia: () => ({ matches: true }),
    } as unknown as Window;
    const painter = createPainter(win);
    expect(painter.kind).toBe('highlight-api');
    const range = rangeOf('Gustavo Petro');
    const scrolled: unknown[] = [];
    document.getElementById('target')!.scrollIntoView = (options?: unknown) => void scrolled.push(options);

    revealRange(win, painter, range);
    // The reader asked for less motion: no smooth scrolling.
    expect(scrolled).toEqual([{ block: 'center', behavior: 'auto' }]);
    const flash = registry.get('backstory-flash') as { ranges: Range[] };
    expect(flash.ranges.map((r) => r.toString())).toEqual(['Gustavo Petro']);
    vi.advanceTimersByTime(FLASH_MS);
    expect(registry.has('backstory-flash')).toBe(false);
  });
});
