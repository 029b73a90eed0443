// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  LIGHT_PAGE,
  MIN_MARK_CONTRAST,
  type PageColors,
  contrastRatio,
  highlightCss,
  isDefaultLook,
  over,
  pageColorsAt,
  paletteFor,
  parseCssColor,
} from '../../../../lib/dom/highlight-style';
import { INTENSITIES } from '../../../../lib/preferences/settings';

const DARK_PAGES: [string, PageColors][] = [
  ['black with white text', { text: [255, 255, 255], background: [0, 0, 0] }],
  ['near-black with grey text', { text: [200, 200, 200], background: [18, 18, 18] }],
  ['dark navy with pale text', { text: [230, 235, 245], background: [21, 32, 43] }],
  ['dark brown with cream text', { text: [240, 230, 210], background: [40, 28, 20] }],
];

describe('contrast', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([120, 30, 200], [120, 30, 200])).toBe(1);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('composites a colour over a background', () => {
    expect(over([255, 0, 0], 0.5, [0, 0, 255])).toEqual([128, 0, 128]);
  });
});

describe('paletteFor', () => {
  it('keeps the default colours on a light page, so the manifest CSS is all it needs', () => {
    // Dark red text (a link colour) under the flash.
    expect(
      isDefaultLook({ style: 'both', intensity: 'normal' }, { text: [155, 45, 32], background: [255, 253, 248] }),
    ).toBe(true);
    expect(isDefaultLook({ style: 'both', intensity: 'normal' }, LIGHT_PAGE)).toBe(true);
    expect(
      isDefaultLook({ style: 'both', intensity: 'normal' }, { text: [40, 40, 40], background: [250, 248, 240] }),
    ).toBe(true);
    expect(paletteFor(LIGHT_PAGE, 'normal').entityFill).toEqual({ color: [255, 196, 61], alpha: 0.4 });
  });

  it.each(DARK_PAGES)('gives marks at least 3:1 against the background on %s, at every intensity', (_name, page) => {
    for (const intensity of INTENSITIES) {
      const palette = paletteFor(page, intensity);
      for (const line of [palette.entityLine, palette.claimLine]) {
        const drawn = over(line.color, line.alpha, page.background);
        expect(contrastRatio(drawn, page.background)).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
      }
    }
    expect(isDefaultLook({ style: 'both', intensity: 'normal' }, page)).toBe(false);
  });

  it.each(DARK_PAGES)('keeps the page’s text readable over fills and the flash on %s', (_name, page) => {
    const palette = paletteFor(page, 'strong');
    for (const fill of [palette.entityFill, palette.claimFill]) {
      expect(contrastRatio(page.text, over(fill.color, fill.alpha, page.background))).toBeGreaterThanOrEqual(4.5);
    }
    // The flash lasts a moment: large-text contrast.
    const { flash } = palette;
    expect(contrastRatio(page.text, over(flash.color, flash.alpha, page.background))).toBeGreaterThanOrEqual(3);
  });

  it('moves the blue dotted claim line on a dark page until it stands out by 4.5:1', () => {
    const dark = DARK_PAGES[2]![1];
    const line = paletteFor(dark, 'normal').claimLine;
    expect(line.color).not.toEqual([40, 90, 200]);
    expect(contrastRatio(over(line.color, line.alpha, dark.background), dark.background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('highlightCss', () => {
  it('marks claims with a thin dotted line and no fill, names with a fill and a line', () => {
    const css = highlightCss('both', 'normal');
    const rule = (name: string) => css.split('\n').find((line) => line.startsWith(`:root::highlight(${name})`))!;
    expect(rule('backstory-claim')).toContain('underline dotted 1px');
    expect(rule('backstory-claim')).not.toContain('background-color');
    expect(rule('backstory-entity')).toContain('background-color: rgb(255 196 61 / 0.4)');
    expect(rule('backstory-entity')).toContain('underline 2px');
  });

  it('gives claims a faint fill where the style has no lines', () => {
    const css = highlightCss('background', 'normal');
    expect(css).toMatch(/highlight\(backstory-claim\) \{ background-color: rgb\(110 160 255 \/ 0\.13\)/);
  });

  it('uses the dark page’s colours when given them', () => {
    const page = DARK_PAGES[0]![1];
    const line = paletteFor(page, 'normal').claimLine.color.join(' ');
    expect(highlightCss('both', 'normal', page)).toContain(`underline dotted 1px rgb(${line} / 0.9)`);
  });
});

describe('parseCssColor', () => {
  it.each([
    ['rgb(1, 2, 3)', { color: [1, 2, 3], alpha: 1 }],
    ['rgba(10, 20, 30, 0.5)', { color: [10, 20, 30], alpha: 0.5 }],
    ['rgb(10 20 30 / 50%)', { color: [10, 20, 30], alpha: 0.5 }],
    ['rgba(0, 0, 0, 0)', { color: [0, 0, 0], alpha: 0 }],
  ])('reads %s', (value, expected) => {
    expect(parseCssColor(value)).toEqual(expected);
  });

  it.each(['transparent', 'color(display-p3 1 0 0)', ''])('leaves %j unread', (value) => {
    expect(parseCssColor(value)).toBeUndefined();
  });
});

describe('pageColorsAt', () => {
  it('reads the text colour and the first opaque background behind an element, layering translucent ones', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(0, 0, 0)"><section style="background-color: rgba(255, 255, 255, 0.1)">' +
      '<p style="color: rgb(230, 230, 230)">Text</p></section></div>';
    expect(pageColorsAt(document.querySelector('p')!)).toEqual({ text: [230, 230, 230], background: [26, 26, 26] });
  });

  it('falls back to a white canvas', () => {
    document.body.innerHTML = '<p style="color: rgb(0, 0, 0)">Text</p>';
    expect(pageColorsAt(document.querySelector('p')!).background).toEqual([255, 255, 255]);
  });
});
