/**
 * Spelling variants that outlets use for any name of a given shape, added to every entity when the pack
 * is compiled so that curated records list each name once: the country qualifier written the other
 * ways ("U.S. Navy" / "US Navy" / "United States Navy", "de Estados Unidos" / "de EE.UU." / "de EEUU"),
 * acronyms with and without dots ("CIA" / "C.I.A."), and prefixed words and codes with and without
 * their hyphen ("counter-narcotics" / "counternarcotics", "MS-13" / "MS13"). Case, diacritics,
 * possessives and hyphen-or-space are the matcher's business (lib/text/fold.ts), not variants.
 */
import type { CuratedEntity } from '../knowledge/curated';
import { foldKey } from '../text/fold';

/** The ways an English name's U.S. qualifier is written; any one of them yields the others. */
const US_FORMS = ['U.S.', 'US', 'United States'];
/** The ways a Spanish name's "Estados Unidos" is written (with or without the article). */
const ES_FORMS = ['Estados Unidos', 'los Estados Unidos', 'EE.UU.', 'EE. UU.', 'EEUU'];

/** A qualifier as a whole word: not the "US" of "USS" or the "us" of "Venus". */
const US_QUALIFIER = /(?<![\p{L}.])(?:U\.S\.|US|United States)(?![\p{L}.]| of\b)/u;
const ES_QUALIFIER = /(?<=\b(?:de|entre) )(?:los Estados Unidos|Estados Unidos|EE\.UU\.|EE\. UU\.|EEUU)(?![\p{L}.])/u;
/** An acronym of 2 to 5 capitals, written plainly or dotted ("CIA", "C.I.A."). */
const PLAIN_ACRONYM = /^\p{Lu}{2,5}$/u;
const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,5}$/u;
/** Prefixes that outlets write joined or hyphenated alike ("counter-narcotics", "counternarcotics"). */
const JOINABLE_PREFIX = /\b(counter|anti|narco|non)-(?=\p{Ll})/giu;
/** A code of capitals and a number ("MS-13"). */
const LETTER_NUMBER_CODE = /^(\p{Lu}{1,4})-(\p{N}{1,4})$/u;

/** Every written form of `alias` that the rules above give, the alias itself first. */
export function aliasVariants(alias: string): string[] {
  const out = new Set([alias]);
  const us = US_QUALIFIER.exec(alias);
  if (us) {
    for (const form of US_FORMS) out.add(alias.slice(0, us.index) + form + alias.slice(us.index + us[0].length));
  }
  const es = ES_QUALIFIER.exec(alias);
  if (es) {
    for (const form of ES_FORMS) out.add(alias.slice(0, es.index) + form + alias.slice(es.index + es[0].length));
  }
  // "EEUU" is "EE.UU." (done above), never "E.E.U.U.".
  if (PLAIN_ACRONYM.test(alias) && !ES_FORMS.includes(alias)) out.add(alias.replace(/\p{Lu}/gu, '$&.'));
  if (DOTTED_ACRONYM.test(alias)) out.add(alias.replace(/\./g, ''));
  out.add(alias.replace(JOINABLE_PREFIX, '$1'));
  const code = LETTER_NUMBER_CODE.exec(alias);
  if (code) out.add(code[1]! + code[2]!);
  return [...out];
}

/**
 * The entity with the variants of its names added as aliases; a variant of an ambiguous,
 * case-sensitive or one-language alias is listed the same way, and excluded phrases get theirs too.
 * A variant written like a name the entity has, or like one another entity owns (`taken`: folded
 * keys), is left out: sharing a name is a curator's decision, with cues.
 */
export function withAliasVariants(entity: CuratedEntity, taken: ReadonlySet<string> = new Set()): CuratedEntity {
  const names = new Set([entity.name, ...entity.aliases].map((name) => foldKey(name)));
  const aliases = [...entity.aliases];
  const ambiguous = [...entity.ambiguous];
  const caseSensitive = [...entity.caseSensitive];
  const spanishOnly = entity.spanishOnly ? [...entity.spanishOnly] : undefined;
  const englishOnly = entity.englishOnly ? [...entity.englishOnly] : undefined;
  for (const name of [entity.name, ...entity.aliases]) {
    for (const variant of aliasVariants(name).slice(1)) {
      const key = foldKey(variant);
      if (names.has(key) || taken.has(key)) continue;
      names.add(key);
      aliases.push(variant);
      if (entity.ambiguous.includes(name)) ambiguous.push(variant);
      // A dotted acronym is as case-sensitive as the plain one, whatever its length.
      if (entity.caseSensitive.includes(name) || DOTTED_ACRONYM.test(variant)) caseSensitive.push(variant);
      if (entity.spanishOnly?.includes(name)) spanishOnly?.push(variant);
      if (entity.englishOnly?.includes(name)) englishOnly?.push(variant);
    }
  }
  const exclude = [...new Set(entity.exclude.flatMap(aliasVariants))];
  return {
    ...entity,
    aliases,
    ambiguous,
    caseSensitive,
    exclude,
    ...(spanishOnly ? { spanishOnly } : {}),
    ...(englishOnly ? { englishOnly } : {}),
  };
}
