import { describe, expect, it } from 'vitest';
import { type Box, type Placement, placeCard } from '../../../../lib/dom/position';

const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 400, height: 800 };
const CARD = { width: 400, height: 300 };

const word = (left: number, top: number, width = 80, height = 20): Box => ({ left, top, width, height });

function cardBox(p: Placement): Box {
  return { top: p.top, left: p.left, width: p.width, height: p.maxHeight };
}

/** Shares area with the word (touching edges do not count). */
function covers(p: Placement, anchor: Box): boolean {
  const c = cardBox(p);
  return (
    c.left < anchor.left + anchor.width &&
    anchor.left < c.left + c.width &&
    c.top < anchor.top + anchor.height &&
    anchor.top < c.top + c.height
  );
}

function onScreen(p: Placement, viewport: { width: number; height: number }): boolean {
  return p.top >= 0 && p.left >= 0 && p.top + p.maxHeight <= viewport.height && p.left + p.width <= viewport.width;
}

describe('placeCard', () => {
  it('puts the card below the word when it fits there, at its full height', () => {
    const anchor = word(200, 100);
    const p = placeCard(anchor, CARD, WIDE);
    expect(p.side).toBe('below');
    expect(p.top).toBe(128);
    expect(p.left).toBe(200);
    expect(p.maxHeight).toBe(300);
    expect(covers(p, anchor)).toBe(false);
  });

  it('puts it above when only the space above holds it', () => {
    const anchor = word(200, 600);
    const p = placeCard(anchor, CARD, WIDE);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBe(592);
    expect(p.maxHeight).toBe(300);
    expect(covers(p, anchor)).toBe(false);
  });

  it('puts it beside the word when neither below nor above holds it, level with the word', () => {
    const anchor = word(200, 390);
    const p = placeCard(anchor, { width: 400, height: 500 }, WIDE);
    expect(p.side).toBe('right');
    expect(p.left).toBe(288);
    expect(p.maxHeight).toBe(500);
    expect(p.top).toBe(292); // moved up just enough to end 8 px above the bottom
    expect(covers(p, anchor)).toBe(false);
    expect(onScreen(p, WIDE)).toBe(true);
  });

  it('goes to the left of a word near the right edge', () => {
    const anchor = word(1100, 390);
    const p = placeCard(anchor, { width: 400, height: 500 }, WIDE);
    expect(p.side).toBe('left');
    expect(p.left + p.width).toBe(1092);
    expect(covers(p, anchor)).toBe(false);
  });

  it('limits its height to the roomier side when there is no room beside a wide anchor', () => {
    // A claim spanning a full column: nothing fits beside it.
    const anchor: Box = { left: 100, top: 300, width: 1000, height: 120 };
    const p = placeCard(anchor, { width: 400, height: 500 }, WIDE);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(800 - 420 - 16);
    expect(covers(p, anchor)).toBe(false);
    expect(onScreen(p, WIDE)).toBe(true);
  });

  it('keeps the card inside the viewport horizontally', () => {
    const p = placeCard(word(1250, 100, 20), CARD, WIDE);
    expect(p.left + p.width).toBe(1272);
  });

  it('is a sheet along the bottom on a narrow screen, leaving the word above it visible', () => {
    const anchor = word(150, 200);
    const p = placeCard(anchor, CARD, NARROW);
    expect(p.side).toBe('sheet-bottom');
    expect(p.left).toBe(8);
    expect(p.width).toBe(384);
    expect(p.top + p.maxHeight).toBe(792);
    expect(covers(p, anchor)).toBe(false);
  });

  it('is a sheet along the top when the word sits low on a narrow screen', () => {
    const anchor = word(150, 650);
    const p = placeCard(anchor, CARD, NARROW);
    expect(p.side).toBe('sheet-top');
    expect(p.top).toBe(8);
    expect(covers(p, anchor)).toBe(false);
  });

  it('shortens the sheet to the space left beside the word', () => {
    const anchor = word(150, 380);
    const p = placeCard(anchor, { width: 400, height: 600 }, NARROW);
    expect(p.maxHeight).toBe(800 - 400 - 16);
    expect(covers(p, anchor)).toBe(false);
    expect(onScreen(p, NARROW)).toBe(true);
  });

  it('never covers the word, wherever it is and whatever the card size', () => {
    let checked = 0;
    for (const viewport of [WIDE, NARROW, { width: 800, height: 500 }]) {
      for (let top = 0; top + 20 <= viewport.height; top += 37) {
        for (let left = 0; left + 80 <= viewport.width; left += 53) {
          for (const height of [120, 340, 700]) {
            const anchor = word(left, top);
            const p = placeCard(anchor, { width: 400, height }, viewport);
            expect(covers(p, anchor), JSON.stringify({ viewport, anchor, p })).toBe(false);
            expect(p.maxHeight).toBeLessThanOrEqual(height);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
