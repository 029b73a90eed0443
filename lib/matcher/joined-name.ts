/**
 * Joined names: a short name written next to another capitalised name forms a different name
 * ("Chris Paul", "Kelly Oubre", "Homan Square", "Estadio Jalisco", "Ford Motor", "Antonio Machado"),
 * which is never the pack's entity. Titles ("Sen. Paul", "Presidente Petro"), function words that
 * start a sentence ("When Rubio…") and headlines in title case ("Rubio Says…") do not join.
 */

/** Words written before a name that are not part of it: titles, ranks, honorifics (English and Spanish). */
const TITLES = new Set(
  `adm admiral alcalde alcaldesa ambassador attorney capt captain chair chairman chairwoman chancellor chief cmdr col
  comandante commander commissioner comisaria comisario congressman congresswoman coronel czar democrat democratic
  deputy dictator director directora doctor don dona dr embajador embajadora former fiscal gen general gobernador
  gobernadora gop gov governor gral judge juez jueza justice king leader lt maj mayor minister ministra ministro miss
  mr mrs ms pope premier presidenta presidente president prime prince prof professor queen rep representative republican
  secretaria secretario secretary sen senador senadora senator sgt speaker sr sra srta vice vicepresidenta
  vicepresidente`.split(/\s+/),
);

/** Compass words name a part of a place ("Southeast Asia", "Northern Mexico"), not another place. */
const COMPASS = new Set(
  `north south east west northern southern eastern western northeast northwest southeast southwest central
  norte sur este oeste central`.split(/\s+/),
);

/** Capitalised function words, days and months, which start sentences and datelines but never a name. */
const FUNCTION_WORDS = new Set(
  `a about according after against al all also although amid among an and another any are as at because before
  being between both but by can could de del desde despite did do does during each earlier either el en entre es esta este
  even eventually every few finally first for from had has have he her here his how however if in indeed instead into
  is it its just la las last later like los many
  may maybe meanwhile might more most much must my neither next no nor not now of on once only or other our over para
  perhaps pero por previously que recently según she should since so some soon still such than that the their then there therefore these they this those
  though through thus to today tomorrow too tras under unlike until upon us was we were what when where whether which
  while who whom whose why will with within without would y yesterday yet you
  monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles miercoles jueves viernes sábado
  sabado domingo january february march april june july august september october november december enero febrero
  marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre`.split(/\s+/),
);

const UPPER_START = /^\p{Lu}/u;
const LETTER = /[\p{L}\p{N}'’.-]/u;

/** How the span [start, end) is joined to capitalised words that make it another name. */
export interface Joined {
  /** "Chris Paul", "Estadio Jalisco". */
  before: boolean;
  /** "Kelly Oubre", "Ford Motor". */
  after: boolean;
}

/** Undefined when the span stands on its own (or sits in a headline, where every word is capitalised). */
export function joinedName(text: string, start: number, end: number): Joined | undefined {
  const before = wordBefore(text, start);
  // A longer name is followed by a person's name when it is their title ("Federal Prosecutor Ann Fransen"),
  // and so is a place that ends a title ("Ambassador to Mexico Ronald Johnson").
  const after = /\s/.test(text.slice(start, end)) || endsTitle(text, start, before) ? undefined : wordAfter(text, end);
  const joined = {
    before: before !== undefined && joins(before, true),
    after: after !== undefined && joins(after, false),
  };
  if (!joined.before && !joined.after) return undefined;
  return inTitleCaseLine(text, start, end) ? undefined : joined;
}

function joins(word: string, before: boolean): boolean {
  if (!UPPER_START.test(word)) return false;
  // A possessive is not part of the name after it ("Venezuela's Maduro").
  if (before && /['’]s$/i.test(word)) return false;
  const bare = word.replace(/[.'’]+$/, '').toLowerCase();
  if (FUNCTION_WORDS.has(bare)) return false;
  // A title after a name begins the next person's name ("a Republican Senator, Tom…").
  if (!before) return !TITLES.has(bare);
  // A word ending a sentence ("…in Venezuela. Maduro"), unless it is an initial ("J. Kelly").
  if (word.endsWith('.') && bare.length > 1 && !/^(?:\p{Lu}\.)+$/u.test(word)) return false;
  // A country's acronym qualifies the name ("U.S. Navy"), it does not make another one.
  if (/^(?:\p{Lu}\.?){2,3}$/u.test(word)) return false;
  return !TITLES.has(bare) && !COMPASS.has(bare);
}

/** Words that join a title to the place it is held for ("Ambassador to", "Governor of", "embajador en"). */
const TITLE_PREPOSITIONS = new Set(['to', 'of', 'in', 'for', 'en', 'de', 'para', 'ante']);

/** Whether the span at `start` ends a title: the two words before it are a title and its preposition. */
function endsTitle(text: string, start: number, before: string | undefined): boolean {
  if (before === undefined || !TITLE_PREPOSITIONS.has(before.toLowerCase())) return false;
  const title = wordBefore(text, start - 1 - before.length);
  return title !== undefined && TITLES.has(title.replace(/[.'’]+$/, '').toLowerCase());
}

/** The word right before `start`, separated from it by exactly one space (a quote may close it). */
function wordBefore(text: string, start: number): string | undefined {
  if (!isSpace(text.charCodeAt(start - 1))) return undefined;
  let at = start - 2;
  while (at >= 0 && (text[at] === "'" || text[at] === '’' || text[at] === '"' || text[at] === '”')) at--;
  const end = at + 1;
  while (at >= 0 && LETTER.test(text[at]!)) at--;
  let word = text.slice(at + 1, end);
  // "'Pocho' Guzmán": the opening quote of a nickname is not part of the word.
  word = word.replace(/^['’]/, '');
  return word || undefined;
}

/** The word right after `end`, separated from it by exactly one space. */
function wordAfter(text: string, end: number): string | undefined {
  if (!isSpace(text.charCodeAt(end))) return undefined;
  let at = end + 1;
  while (at < text.length && LETTER.test(text[at]!)) at++;
  const word = text.slice(end + 1, at).replace(/[.'’]+$/, '');
  return word || undefined;
}

const isSpace = (code: number) => code === 0x20 || code === 0xa0;

/** A word of four letters or more in lower case, not the second part of a hyphenated word ("Anti-drug"). */
const LOWER_CASE_WORD = /(?<![\p{L}-])\p{Ll}\p{L}{3,}/u;

/**
 * Headlines capitalise every word: a line with no lower-case word of four letters or more. One search that
 * stops at the first such word (listing every word of the line cost 1 MB pages tens of milliseconds).
 */
function inTitleCaseLine(text: string, start: number, end: number): boolean {
  return !LOWER_CASE_WORD.test(text.slice(lineEdge(text, start, -1), lineEdge(text, end, 1)));
}

/** Where the line around `at` begins (step -1) or ends (step 1), at most 200 characters away. */
function lineEdge(text: string, at: number, step: -1 | 1): number {
  let i = at;
  for (let n = 0; n < 200; n++) {
    const next = step < 0 ? i - 1 : i;
    if (next < 0 || next >= text.length) break;
    const code = text.charCodeAt(next);
    if (code === 0x0a || code === 0x0d || code === 0x2029 || code === 0x2028) break;
    i += step;
  }
  return i;
}
