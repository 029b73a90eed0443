import { describe, expect, it } from 'vitest';
import { type MatchableEntity, compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import { languageAround } from '../../../../lib/matcher/language';

function entity(id: string, name: string, rest: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, name, type: 'place', aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const matcher = loadMatcher(
  compileMatcherData('test', [
    entity('united-states', 'United States', { aliases: ['Estados Unidos', 'EU'], spanishOnly: ['EU'] }),
    entity('european-union', 'European Union', { type: 'organisation', aliases: ['EU'], englishOnly: ['EU'] }),
    entity('mexico', 'Mexico', { aliases: ['México'], exclude: ['Mexico City', 'Ciudad de México'] }),
    entity('trump-administration', 'Trump administration', {
      type: 'organisation',
      aliases: ['administración de Donald Trump'],
    }),
    entity('donald-trump', 'Donald Trump', { type: 'person' }),
    entity('fentanyl', 'fentanyl', { type: 'drug', aliases: ['fentanilo'] }),
    entity('fentanyl-order', 'fentanyl order', {
      type: 'policy',
      aliases: ['fentanyl as a weapon of mass destruction', 'fentanilo como arma de destrucción masiva'],
    }),
  ]),
);

const ids = (text: string) =>
  findEntities(matcher, text).map((f) => [matcher.data.entities[f.entity]!.id, text.slice(f.start, f.end)]);

describe('aliases of one language', () => {
  it('tells Spanish from English by the words around a name', () => {
    expect(languageAround('El presidente de EU habló con la prensa en la Casa Blanca.', 16, 18)).toBe('es');
    expect(languageAround('The EU said on Monday that it was ready.', 4, 6)).toBe('en');
    expect(languageAround('EU', 0, 2)).toBeUndefined();
  });

  it('read "EU" as the United States in Spanish and the European Union in English', () => {
    expect(ids('Sheinbaum dijo que EU no va a intervenir en el territorio de México.')).toEqual([
      ['united-states', 'EU'],
      ['mexico', 'México'],
    ]);
    expect(ids('The EU said that its ports would be checked for cocaine.')).toEqual([['european-union', 'EU']]);
  });

  it('judge a name by its own paragraph when a page mixes stories in both languages', () => {
    const english = 'The ministers agreed on a common plan for the ports of the EU.';
    const spanish =
      'La presidenta dijo que la cooperación con el gobierno de los vecinos del norte es buena, y que los acuerdos de seguridad se cumplen en la frontera por parte de las autoridades de los dos países.';
    const at = english.indexOf('EU');
    expect(languageAround(`${english}\n\n${spanish}`, at, at + 2)).toBe('en');
    expect(languageAround(`${english}\u2029${spanish}`, at, at + 2)).toBe('en');
    expect(ids(`${english}\n\n${spanish}`)).toEqual([['european-union', 'EU']]);
    // A paragraph too short to tell is read with its neighbours.
    expect(languageAround(`Según EU:\n\n${spanish}`, 6, 8)).toBe('es');
  });

  it('leave "EU" alone when the language cannot be told', () => {
    expect(ids('EU')).toEqual([]);
  });
});

describe('the outermost name wins', () => {
  it.each([
    ['Rubio spoke in Mexico City on Friday.', []],
    ['Marcharon en la Ciudad de México.', []],
    ['Troops will not enter Mexico, she said.', [['mexico', 'Mexico']]],
    [
      'Bajo la administración de Donald Trump, y Donald Trump mismo.',
      [
        ['trump-administration', 'administración de Donald Trump'],
        ['donald-trump', 'Donald Trump'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('names inside the description of an order', () => {
  const order = ['fentanyl-order', 'fentanyl as a weapon of mass destruction'];
  const orden = ['fentanyl-order', 'fentanilo como arma de destrucción masiva'];
  it.each([
    [
      'The president signed an executive order classifying fentanyl as a weapon of mass destruction.',
      [order, ['fentanyl', 'fentanyl']],
    ],
    ['A new order treats fentanyl as a weapon of mass destruction.', [order, ['fentanyl', 'fentanyl']]],
    [
      'Firmó una orden ejecutiva que designa el fentanilo como arma de destrucción masiva.',
      [orden, ['fentanyl', 'fentanilo']],
    ],
    // The policy's name alone, or with no order before it, stays one mention.
    ['Critics doubt that fentanyl as a weapon of mass destruction helps.', [order]],
    ['Sheinbaum habló de declarar al fentanilo como arma de destrucción masiva.', [orden]],
    ['They acted in order to treat fentanyl as a weapon of mass destruction.', [order]],
    // An order further back in the sentence, or in the sentence before, is not its description.
    [
      'The order, signed on Monday after weeks of talks with several agencies, names fentanyl as a weapon of mass destruction.',
      [order],
    ],
    [
      'Trump signed the order. Fentanyl as a weapon of mass destruction is new.',
      [['fentanyl-order', 'Fentanyl as a weapon of mass destruction']],
    ],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
