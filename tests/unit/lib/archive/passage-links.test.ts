import { describe, expect, it } from 'vitest';
import { linkSegments } from '../../../../lib/archive/passage-links';

const linked = (text: string, entities: { id: string; names: string[] }[]) =>
  linkSegments(text, entities)
    .segments.map((s) => (s.entityId ? `[${s.text}|${s.entityId}]` : s.text))
    .join('');

describe('linking entities inside a passage', () => {
  it('links every occurrence of a name or alias, on word boundaries', () => {
    expect(
      linked('Maduro said Maduro’s men and Nicolás Maduro… Madurodom no.', [
        { id: 'maduro', names: ['Nicolás Maduro', 'Maduro'] },
      ]),
    ).toBe('[Maduro|maduro] said [Maduro|maduro]’s men and [Nicolás Maduro|maduro]… Madurodom no.');
  });

  it('ignores case, accents and hyphens the way the matcher does', () => {
    expect(
      linked('NICOLAS MADURO and Tren-de-Aragua', [
        { id: 'maduro', names: ['Nicolás Maduro'] },
        { id: 'tda', names: ['Tren de Aragua'] },
      ]),
    ).toBe('[NICOLAS MADURO|maduro] and [Tren-de-Aragua|tda]');
  });

  it('prefers the longest name where names overlap', () => {
    expect(
      linked('the Cartel de los Soles in Venezuela', [
        { id: 'venezuela', names: ['Venezuela', 'Soles'] },
        { id: 'cartel', names: ['Cartel de los Soles'] },
      ]),
    ).toBe('the [Cartel de los Soles|cartel] in [Venezuela|venezuela]');
  });

  it('reports which entities it could not place, and keeps the text whole', () => {
    const text = 'He said the strikes would go on.';
    const { segments, found } = linkSegments(text, [{ id: 'hegseth', names: ['Pete Hegseth', 'Hegseth'] }]);
    expect(found.size).toBe(0);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('skips one-letter names', () => {
    expect(linked('a b c', [{ id: 'x', names: ['b'] }])).toBe('a b c');
  });
});
