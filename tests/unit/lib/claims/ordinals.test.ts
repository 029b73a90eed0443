import { describe, expect, it } from 'vitest';
import { mentionsLaterOrdinal } from '../../../../lib/claims/ordinals';

describe('mentionsLaterOrdinal', () => {
  it.each([
    'The military carried out its 20th strike on Monday.',
    'A second strike killed the survivors.',
    'The 21st attack hit a boat in the Pacific.',
    'It was the twenty-first strike since September.',
    'El tercer ataque dejó tres muertos.',
    'Es el vigésimo ataque contra una lancha.',
    'El 20.º ataque ocurrió en el Pacífico.',
  ])('counts a later event: %s', (sentence) => {
    expect(mentionsLaterOrdinal(sentence)).toBe(true);
  });

  it.each([
    'The first strike, on Sept. 2, killed 11 people.',
    'The strike on Sept. 2nd killed 11 people.',
    'On the 2nd of September a strike hit a boat.',
    'El primer ataque fue el 2 de septiembre.',
    'Twenty-one strikes have killed more than 80 people.',
  ])('finds no later event in: %s', (sentence) => {
    expect(mentionsLaterOrdinal(sentence)).toBe(false);
  });
});
