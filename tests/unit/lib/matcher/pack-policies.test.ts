import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';

/**
 * The bundled pack's EU drugs policies named as outlets name them after the first mention: "the
 * strategy", "the action plan". Only the story's own context (the Commission, its commissioner)
 * makes a bare "strategy" the EU Drugs Strategy; another government's strategy stays plain text.
 */
const matcher = loadMatcher(matcherDataFromPack(packJson as unknown as KnowledgePack));
const POLICIES = ['eu-drugs-strategy', 'eu-action-plan-against-drug-trafficking'];
const policies = (text: string) =>
  findEntities(matcher, text)
    .map((f) => [matcher.data.entities[f.entity]!.id, text.slice(f.start, f.end)])
    .filter(([id]) => POLICIES.includes(id!));

describe('the EU drugs strategy and action plan by their bare names', () => {
  it('are the EU policies where the story names the Commission or its commissioner', () => {
    expect(
      policies('The European Commission has presented a new strategy and action plan against drug gangs.'),
    ).toEqual([
      ['eu-drugs-strategy', 'strategy'],
      ['eu-action-plan-against-drug-trafficking', 'action plan'],
    ]);
    expect(policies('Magnus Brunner said the drug strategy would run until 2030.')).toEqual([
      ['eu-drugs-strategy', 'drug strategy'],
    ]);
    expect(policies('La Comisión Europea presentó una estrategia y un plan de acción contra el narcotráfico.')).toEqual(
      [
        ['eu-drugs-strategy', 'estrategia'],
        ['eu-action-plan-against-drug-trafficking', 'plan de acción'],
      ],
    );
  });

  it('are not another government’s strategy or plan', () => {
    expect(policies("Petro insists his government's anti-drug strategy is working.")).toEqual([]);
    expect(policies('The Pentagon unveiled a new strategy and an action plan for the Caribbean.')).toEqual([]);
    expect(policies('La estrategia del gobierno colombiano incluye un plan de acción contra la coca.')).toEqual([]);
  });
});
