import { describe, expect, it } from 'vitest';
import { aliasVariants, withAliasVariants } from '../../../../lib/pack-compiler/alias-variants';
import type { CuratedEntity } from '../../../../lib/knowledge/curated';
import { foldKey } from '../../../../lib/text/fold';

function entity(rest: Partial<CuratedEntity>): CuratedEntity {
  return {
    id: 'x',
    type: 'agency',
    name: 'X',
    aliases: [],
    ambiguous: [],
    cues: [],
    caseSensitive: [],
    exclude: [],
    summary: 'A test entity.',
    sources: ['s'],
    related: [],
    ...rest,
  };
}

describe('aliasVariants', () => {
  it('writes the U.S. qualifier of an English name every way outlets do', () => {
    expect(aliasVariants('U.S. Coast Guard')).toEqual([
      'U.S. Coast Guard',
      'US Coast Guard',
      'United States Coast Guard',
    ]);
    expect(aliasVariants('United States Navy')).toContain('U.S. Navy');
    expect(aliasVariants('US-Mexico border')).toContain('U.S.-Mexico border');
  });

  it('leaves words that merely contain "US" alone', () => {
    expect(aliasVariants('USS Gerald Ford')).toEqual(['USS Gerald Ford']);
    expect(aliasVariants('United States of America')).toEqual(['United States of America']);
    expect(aliasVariants('Venus Project')).toEqual(['Venus Project']);
  });

  it('writes "de Estados Unidos" of a Spanish name every way outlets do', () => {
    expect(aliasVariants('Guardia Costera de EE.UU.')).toEqual([
      'Guardia Costera de EE.UU.',
      'Guardia Costera de Estados Unidos',
      'Guardia Costera de los Estados Unidos',
      'Guardia Costera de EE. UU.',
      'Guardia Costera de EEUU',
    ]);
    expect(aliasVariants('frontera entre Estados Unidos y México')).toContain('frontera entre EE.UU. y México');
    // Not a qualifier after another word ("Estados Unidos" as the name itself is the country's).
    expect(aliasVariants('Estados Unidos')).toEqual(['Estados Unidos']);
  });

  it('dots and undots acronyms, except the doubled letters of EEUU', () => {
    expect(aliasVariants('CIA')).toEqual(['CIA', 'C.I.A.']);
    expect(aliasVariants('U.N.')).toEqual(['U.N.', 'UN']);
    expect(aliasVariants('EEUU')).toEqual(['EEUU']);
    expect(aliasVariants('SOUTHCOM')).toEqual(['SOUTHCOM']);
    expect(aliasVariants('TdA')).toEqual(['TdA']);
  });

  it('joins prefixes and letter-number codes that outlets write either way', () => {
    expect(aliasVariants('counter-narcotics campaign')).toEqual([
      'counter-narcotics campaign',
      'counternarcotics campaign',
    ]);
    expect(aliasVariants('MS-13')).toEqual(['MS-13', 'MS13']);
    expect(aliasVariants('al-Qaeda')).toEqual(['al-Qaeda']);
  });
});

describe('withAliasVariants', () => {
  it('lists a variant the way its alias is listed: ambiguous, case-sensitive, one language', () => {
    const out = withAliasVariants(
      entity({
        name: 'U.S. Navy',
        aliases: ['Navy', 'Marina de Estados Unidos', 'USN'],
        ambiguous: ['Navy'],
        cues: ['Caribbean'],
        spanishOnly: ['Marina de Estados Unidos'],
        exclude: ['U.S. Navy Band'],
      }),
    );
    expect(out.aliases).toEqual(
      expect.arrayContaining(['US Navy', 'United States Navy', 'Marina de EE.UU.', 'U.S.N.']),
    );
    expect(out.spanishOnly).toEqual(expect.arrayContaining(['Marina de Estados Unidos', 'Marina de EE.UU.']));
    expect(out.caseSensitive).toEqual(['U.S.N.']);
    expect(out.ambiguous).toEqual(['Navy']);
    expect(out.exclude).toEqual(expect.arrayContaining(['U.S. Navy Band', 'US Navy Band']));
  });

  it('adds no variant written like a name the entity or another entity already has', () => {
    const out = withAliasVariants(entity({ name: 'Central Intelligence Agency', aliases: ['CIA', 'C.I.A.'] }));
    expect(out.aliases).toEqual(['CIA', 'C.I.A.']);
    const shared = withAliasVariants(entity({ name: 'U.S. House', aliases: [] }), new Set([foldKey('US House')]));
    expect(shared.aliases).toEqual(['United States House']);
  });
});
