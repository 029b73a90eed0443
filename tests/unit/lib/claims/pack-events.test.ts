import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileClaimMatcherData, findClaims, loadClaimMatcher } from '../../../../lib/claims/match';
import type { KnowledgePack } from '../../../../lib/knowledge/types';

/**
 * The bundled pack's claims against sentences written for this test: the same proposition worded
 * by other speakers or in Spanish is the claim; another event (a restored visa, lifted sanctions, a
 * nomination, another year's figure) is not.
 */
const pack = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../assets/knowledge.json'), 'utf8'),
) as KnowledgePack;
const matcher = loadClaimMatcher(compileClaimMatcherData(pack.claims));
const found = (text: string) => findClaims(matcher, text).map((f) => matcher.data.claims[f.claim]!.id);

describe('the bundled pack’s claims as outlets word them', () => {
  it.each([
    ['us-revoked-petro-visa', 'Colombia’s foreign ministry protested after Washington pulled Petro’s visa.'],
    [
      'us-revoked-petro-visa',
      'Estados Unidos le quitó la visa al presidente colombiano tras su discurso en Nueva York.',
    ],
    [
      'trump-declares-venezuelan-airspace-closed',
      'Airlines rerouted flights after Trump declared the airspace over Venezuela closed.',
    ],
    [
      'machado-awarded-nobel-peace-prize',
      'La opositora María Corina Machado, premio Nobel de la Paz 2025, pidió elecciones libres.',
    ],
    [
      'hegseth-kill-everybody-order-reported',
      'Lawmakers asked whether the defense secretary told the commanders to kill everyone aboard.',
    ],
    [
      'antwerp-port-gateway-for-cocaine',
      'Amberes, principal puerta de entrada de la cocaína en Europa, reforzó sus controles.',
    ],
    [
      'pentagon-ordered-ford-carrier-to-caribbean',
      'The leftist government in Caracas condemned the aircraft carrier sent to the Caribbean.',
    ],
    [
      'trump-to-pardon-juan-orlando-hernandez',
      'The White House confirmed the pardon of former Honduran president Juan Orlando Hernández.',
    ],
    ['moinil-threat-level-raised-to-highest', 'Police raised the threat level for Moinil to the highest category.'],
    [
      'first-boat-strike-targeted-drug-traffickers',
      'The strike on Sept. 2nd destroyed a boat from Venezuela carrying drug traffickers.',
    ],
    ['us-revoked-petro-visa', 'EE.UU. revoca la visa al presidente colombiano.'],
    ['us-revoked-petro-visa', 'Washington strips Petro of his visa after the New York protest.'],
    [
      'hegseth-kill-everybody-order-reported',
      'The defense secretary allegedly ordered that everyone aboard be killed.',
    ],
    ['hegseth-kill-everybody-order-reported', 'Según el diario, Hegseth ordenó matarlos a todos.'],
    ['trump-says-maduro-offering-everything', 'Trump said Maduro was offering “everything” to ease tensions.'],
    ['trump-says-maduro-offering-everything', 'Trump aseguró que Maduro ofrece “todo” con tal de negociar.'],
    ['trump-says-petro-will-be-next', 'Trump warned that Colombia’s Petro could be “next”.'],
    ['trump-says-petro-will-be-next', 'Trump advirtió que Petro será "el siguiente" después de Maduro.'],
    [
      'trump-says-petro-will-be-next',
      'Asked about Petro, Trump called the Colombian leader hostile. He added: “He is going to be next.”',
    ],
    [
      'rubio-terror-designation-allows-use-of-pentagon',
      'Designar a los cárteles como terroristas permite a Washington usar todas las herramientas, incluido el Pentágono.',
    ],
    [
      'rubio-terror-designation-allows-use-of-pentagon',
      'The terrorist designation lets the U.S. bring other tools of American power to bear, the Pentagon among them.',
    ],
  ])('%s: %s', (id, text) => {
    expect(found(text)).toContain(id);
  });
});

describe('the bundled pack’s claims tell other events apart', () => {
  it.each([
    ['us-revoked-petro-visa', 'The State Department restored the visa it had revoked from Petro.'],
    ['petro-under-us-sanctions', 'The Treasury lifted the sanctions on Petro after the election.'],
    ['petro-under-us-sanctions', 'Petro could face U.S. sanctions, officials warned.'],
    ['machado-awarded-nobel-peace-prize', 'Machado was nominated for the Nobel Peace Prize in 2024.'],
    [
      'us-tariffs-on-canada-mexico-china-over-fentanyl',
      'Trump paused the fentanyl tariffs on Canada and Mexico for a month.',
    ],
    ['us-tariffs-on-canada-mexico-china-over-fentanyl', 'Trump threatened tariffs on Mexico and China over fentanyl.'],
    [
      'pentagon-ordered-ford-carrier-to-caribbean',
      'The Navy withdrew the USS Gerald R. Ford, deployed to the Caribbean since October.',
    ],
    [
      'petro-suspends-intelligence-sharing-over-strikes',
      'Petro resumed intelligence sharing with U.S. agencies, ending the suspension.',
    ],
    ['brussels-92-shootings-in-2024', 'Brussels recorded 90 shootings in 2024.'],
    ['brussels-over-60-shootings-by-late-october', 'Brussels has recorded 78 shootings so far this year.'],
    ['coast-guard-lethal-force-three-times-in-five-years', 'The Coast Guard used lethal force five times last year.'],
    ['juan-orlando-hernandez-serving-45-years', 'Hernández was sentenced to 40 years in prison.'],
    // A strike counted past the first is a later one.
    [
      'first-boat-strike-targeted-drug-traffickers',
      'The military carried out its 20th strike on an alleged drug boat from Venezuela.',
    ],
    [
      'first-boat-strike-targeted-drug-traffickers',
      'El tercer ataque destruyó una lancha venezolana con presuntos narcotraficantes.',
    ],
    // Protection alone is an older state of affairs, not the raised threat level.
    ['moinil-threat-level-raised-to-highest', 'The Brussels prosecutor has been under police protection since July.'],
    ['us-revoked-petro-visa', 'Washington amenazó con revocar la visa de Petro si volvía a protestar.'],
    ['us-revoked-petro-visa', 'EE.UU. le devolvió a Petro la visa que le había revocado.'],
    // "Next" and "el siguiente" are everyday words: the claim is that Petro will be the next target.
    ['trump-says-petro-will-be-next', 'Petro will travel to Washington next week.'],
    ['trump-says-petro-will-be-next', 'Petro publicó el siguiente mensaje en X.'],
    ['trump-says-petro-will-be-next', 'Petro viajará el próximo lunes a Bruselas.'],
    // "Tools" alone is not the Pentagon: a terror designation is as often said to arm prosecutors and banks.
    [
      'rubio-terror-designation-allows-use-of-pentagon',
      'Designating the cartels as terrorist groups gives prosecutors new tools to charge their financiers.',
    ],
    [
      'rubio-terror-designation-allows-use-of-pentagon',
      'La designación como grupo terrorista da más herramientas a la fiscalía para congelar cuentas.',
    ],
  ])('%s is not: %s', (id, text) => {
    expect(found(text)).not.toContain(id);
  });
});

describe('the bundled pack’s boat-strike toll as a dated series', () => {
  const TOLL = [
    'us-strikes-seven-vessels-32-killed',
    'us-strikes-16-vessels-over-60-killed',
    'us-strikes-21-missile-strikes-over-80-killed',
  ];
  const tollEntries = (text: string) => found(text).filter((id) => TOLL.includes(id));

  it.each([
    ['More than 80 people have been killed in the U.S. strikes on alleged drug boats.', TOLL[2]],
    ['Los ataques de Estados Unidos contra lanchas ya dejaron más de 80 muertos.', TOLL[2]],
    ['The strikes on suspected drug boats have killed 83 people.', TOLL[2]],
    ['Over 60 people have died in 16 strikes on alleged smuggling vessels.', TOLL[1]],
    ['Seven boats have been hit and 32 people killed in the strikes.', TOLL[0]],
  ])('a toll is the entry it agrees with: %s', (text, id) => {
    expect(tollEntries(text)).toEqual([id]);
  });

  it.each([
    ['The strikes on alleged drug boats have killed at least 43 people.', 'between two entries'],
    ['The strikes on suspected drug boats have killed 87 people.', 'past the last entry'],
    ['More than 80 people have been killed in 16 strikes on drug boats.', 'a toll and a strike count of two entries'],
    ['Los ataques contra narcolanchas suman más de 100 muertos.', 'a later Spanish toll'],
  ])('a toll that agrees with no entry is none of them: %s (%s)', (text) => {
    expect(tollEntries(text)).toEqual([]);
  });
});
