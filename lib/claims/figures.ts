/**
 * Numeric figures in English (and some Spanish) news text.
 *
 * A claim matcher uses this to check that the figures of a curated claim
 * ("94%", "$50 million", "32") also appear in a sentence of the page.
 *
 * Pure logic: no DOM, no browser APIs, no dependencies. One left-to-right
 * pass with a handful of precompiled RegExps; every pattern is linear
 * (no nested unbounded quantifiers over overlapping input).
 */

export type FigureUnit = 'percent' | 'money' | 'count' | 'mass' | 'year';

export interface Figure {
  /** Percent points, currency units, kilograms, a count, or a year. */
  value: number;
  unit: FigureUnit;
  /** ISO 4217 code for money when known ("USD", "EUR", "GBP", ...). */
  currency?: string;
  /** UTF-16 offsets of the whole figure expression in the input text. */
  start: number;
  end: number;
}

type FigureValue = Omit<Figure, 'start' | 'end'>;

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */
/* ------------------------------------------------------------------ */

const ONES: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const BIG: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const ONES_SRC = Object.keys(ONES).join('|');
const TEENS_SRC = Object.keys(TEENS).join('|');
const TENS_SRC = Object.keys(TENS).join('|');
const SCALE_WORDS_SRC = `hundred|${Object.keys(BIG).join('|')}|dozen`;

/** One number word: "eighty-three", "eighty three", "eleven", "zero". */
const WORD_SRC = `(?:(?:${TENS_SRC})(?:(?:-|\\s+)(?:${ONES_SRC}))?` + `|${TEENS_SRC}|${ONES_SRC}|zero)\\b`;

/**
 * A run of number words: "two hundred and fifty thousand", "a dozen".
 * Bounded so that a long run of words ("one one one ...") that parses
 * only word by word stays linear when scanning resumes after each word.
 */
const PHRASE_SRC =
  `\\b(?:${WORD_SRC}|an?(?=\\s+(?:${SCALE_WORDS_SRC})\\b))` +
  `(?:(?:\\s+and\\s+|\\s+|-)(?:${WORD_SRC}|(?:${SCALE_WORDS_SRC})\\b)){0,12}`;

/** Spanish suffixes that make "1.500" / "94,5" read the Spanish way. */
const ES_DOT_LOOK =
  '(?=\\s*(?:por\\s+ciento|mil\\b|millones|mill[oó]n|billones|bill[oó]n|' +
  'toneladas|kilos|kilogramos|euros|d[oó]lares|personas|€))';
const ES_COMMA_LOOK =
  '(?=\\s*(?:%|por\\s+ciento|mil\\b|millones|mill[oó]n|billones|bill[oó]n|' +
  'toneladas|kilos|kilogramos|euros|d[oó]lares|€))';

/**
 * Main scanner. Groups:
 *  1 English digits with thousands commas ("1,500", "25,000.50")
 *  2 Spanish digits with thousands dots ("1.500 millones")
 *  3 Spanish decimal comma ("94,5 %")
 *  4 plain digits with optional decimals ("32", "4.5")
 *  5 number words
 * Group 2 repeats at most five times (up to 999 billones): unbounded, on "111.111.111…" it ran to
 * the end of the run and back at every start, quadratic in the run's length, before the lookahead
 * failed (a 312 KB paragraph took 14.9 s in Chromium).
 */
const CORE_RE = new RegExp(
  `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)` +
    `|(\\d{1,3}(?:\\.\\d{3}){1,5}(?:,\\d+)?)${ES_DOT_LOOK}` +
    `|(\\d+,\\d{1,2})(?!\\d)${ES_COMMA_LOOK}` +
    `|(\\d+(?:\\.\\d+)?)` +
    `|(${PHRASE_SRC})`,
  'giu',
);

const NOT_WORD_AFTER = '(?![\\p{L}\\d])';

const PERCENT_RE = new RegExp(
  `\\s*%|(?:\\s+|-)?(?:percentage\\s+points?|percent|per\\s+cent|pct|por\\s+ciento)${NOT_WORD_AFTER}`,
  'iuy',
);

const CURRENCY_RE = new RegExp(
  `(?:\\s+de)?(?:\\s+|-)?(?:(US|U\\.S\\.|American|Canadian|Australian|Hong\\s+Kong|New\\s+Zealand|Singapore)\\s+)?` +
    `(dollars?|d[oó]lares|euros?|pounds\\s+sterling|sterling|libras(?:\\s+esterlinas)?|yen|yuan|rupees)${NOT_WORD_AFTER}` +
    `|\\s*(€)` +
    `|\\s+(USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|INR)${NOT_WORD_AFTER}`,
  'iuy',
);

/** "pounds" after "million"/"bn": money, unless "... pounds of cocaine". */
const POUNDS_GBP_RE = new RegExp(`(?:\\s+|-)?pounds?${NOT_WORD_AFTER}(?!\\s+of\\b)`, 'iuy');

const MASS_RE = new RegExp(
  `(?:\\s+|-)?(?:(kilogrammes?|kilograms?|kilogramos?|kilos?|kgs?)` +
    `|((?:metric\\s+)?(?:tonnes?|tons?)|toneladas?)` +
    `|(pounds?|lbs?)|(ounces?|oz)|(grammes?|grams?|gramos?))${NOT_WORD_AFTER}`,
  'iuy',
);

const SCALE_RE = new RegExp(
  `(?:\\s+|-)?(?:(mil\\s+millones)` +
    `|(thousand|millions?|billions?|trillions?|millones|mill[oó]n|mil|billones|bill[oó]n)` +
    `|(mn|mln|bn|tn|trn))${NOT_WORD_AFTER}`,
  'iuy',
);
/** "25k": only glued to the digits. */
const K_RE = new RegExp(`k${NOT_WORD_AFTER}`, 'iuy');
/** "$50m", "$5B": only after a currency (or before a currency word). */
const SHORT_SCALE_RE = new RegExp(` ?([mb])${NOT_WORD_AFTER}`, 'iuy');

/** Currency before the digits; run on a short slice ending at the digits. */
const PREFIX_RE = /(?:(U\.S\.|[A-Z]{1,3})?\$|(US) \$|([€£¥₹])|\b(USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|INR)) ?$/u;

const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_BEFORE_RE = new RegExp(
  `(?:\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?|\\b(?:${MONTHS_EN}))\\s+$`,
  'u',
);
const MONTH_AFTER_RE = new RegExp(
  `\\s+(?:(?:${MONTHS_EN}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b` +
    `|de\\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\\b)`,
  'uy',
);

const TIME_RE = new RegExp(`\\d{1,2}(?::\\d{2})?\\s*(?:a\\.m\\.?|p\\.m\\.?|am|pm)${NOT_WORD_AFTER}`, 'iuy');
/** "2025-12-15": the year stays, the month and day are dropped. */
const ISO_DATE_RE = /\d{4}-\d{1,2}-\d{1,2}(?!\d)/y;
/** "2019-20" season: the year stays, the "-20" is dropped. */
const SEASON_RE = /\d{4}[-–/]\d{2}(?!\d)/y;
/** "10:30", "1.2.3", "12/15/2025", "1,2": not a figure. */
const CONTINUATION_RE = /[.,:/]\d/y;

/** "twenty-first", "two-thirds", "one half": ordinals and fractions. */
const ORDINAL_FRACTION_RE = new RegExp(
  `(?:-|\\s+)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|` +
    `halves|half|thirds|quarters?|fourths|fifths|sixths|sevenths|eighths|ninths|tenths|` +
    `hundredths?|thousandths?|millionths?)${NOT_WORD_AFTER}`,
  'iuy',
);
const ONE_ANOTHER_RE = /\s+another\b/iy;
const NO_ONE_RE = /\bno\s+$/i;
const HALF_RE = /\bhalf\s+$/i;

const LETTER_RE = /\p{L}/u;
const WORD_TOKEN_RE = /[a-z]+/gi;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

function isLetter(ch: string): boolean {
  return ch !== '' && LETTER_RE.test(ch);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Run a sticky RegExp at `pos`; returns the match and its end. */
function stickyAt(re: RegExp, text: string, pos: number): { m: RegExpExecArray; end: number } | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? { m, end: re.lastIndex } : null;
}

type NumMode = 'en' | 'esDot' | 'esComma';

/** Digits to a value; keeps integer results exact ("1.2" * 1e6 = 1200000). */
function digitsValue(raw: string, mode: NumMode, scale: number): number {
  let intPart: string;
  let frac: string;
  if (mode === 'en') {
    const [i = '', f = ''] = raw.replace(/,/g, '').split('.');
    intPart = i;
    frac = f;
  } else {
    const [i = '', f = ''] = raw.replace(/\./g, '').split(',');
    intPart = i;
    frac = f;
  }
  return (Number(intPart + frac) * scale) / 10 ** frac.length;
}

function scaleValue(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'mil millones') return 1e9;
  if (w === 'thousand' || w === 'mil') return 1e3;
  if (w.startsWith('million') || w.startsWith('mill') || w === 'mn') return 1e6;
  if (w === 'mln') return 1e6;
  if (w.startsWith('billion') || w === 'bn') return 1e9;
  // Spanish "billón" is 10^12, like English "trillion".
  return 1e12;
}

const DOLLAR_PREFIX: Readonly<Record<string, string>> = {
  US: 'USD',
  'U.S.': 'USD',
  A: 'AUD',
  AU: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  NZ: 'NZD',
  HK: 'HKD',
  S: 'SGD',
  R: 'BRL',
  MX: 'MXN',
  NT: 'TWD',
};
const SYMBOL_CURRENCY: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const DOLLAR_ADJECTIVE: Readonly<Record<string, string>> = {
  us: 'USD',
  'u.s.': 'USD',
  american: 'USD',
  canadian: 'CAD',
  australian: 'AUD',
  'hong kong': 'HKD',
  'new zealand': 'NZD',
  singapore: 'SGD',
};

interface Prefix {
  start: number;
  currency: string | undefined;
}

/** A currency sign or code right before `start` ("$", "US$", "€", "USD "). */
function readPrefix(text: string, start: number): Prefix | null {
  const from = Math.max(0, start - 8);
  const m = PREFIX_RE.exec(text.slice(from, start));
  if (!m) return null;
  const at = from + m.index;
  const [, letters, usSpaced, symbol, code] = m;
  if (symbol !== undefined) return { start: at, currency: SYMBOL_CURRENCY[symbol] };
  if (code !== undefined) return { start: at, currency: code };
  if (usSpaced !== undefined) return { start: at, currency: 'USD' };
  if (letters === undefined) return { start: at, currency: 'USD' };
  // "XYZ$": letters glued before the letters we read; unknown dollars.
  if (isLetter(text.charAt(at - 1))) return { start: at, currency: undefined };
  return { start: at, currency: DOLLAR_PREFIX[letters] };
}

function currencyOf(m: RegExpExecArray): string | undefined {
  const [, adjective, word, euroSign, code] = m;
  if (euroSign !== undefined) return 'EUR';
  if (code !== undefined) return code.toUpperCase();
  const w = (word ?? '').toLowerCase();
  if (w.startsWith('dollar') || /^d[oó]lares$/.test(w)) {
    if (adjective === undefined) return 'USD';
    return DOLLAR_ADJECTIVE[adjective.toLowerCase().replace(/\s+/g, ' ')];
  }
  if (w.startsWith('euro')) return 'EUR';
  if (w.includes('sterling') || w.startsWith('libras')) return 'GBP';
  if (w === 'yen') return 'JPY';
  if (w === 'yuan') return 'CNY';
  if (w === 'rupees') return 'INR';
  return undefined;
}

function massFactor(m: RegExpExecArray): number {
  if (m[1] !== undefined) return 1;
  if (m[2] !== undefined) return 1000;
  if (m[3] !== undefined) return 0.4536;
  if (m[4] !== undefined) return 0.02835;
  return 0.001;
}

interface Unit {
  unit: FigureUnit;
  factor: number;
  currency?: string;
  end: number;
}

/**
 * The unit after a number (and its scale) at `pos`: percent, a currency
 * word, "pounds" as sterling when scaled, or a mass unit.
 */
function readUnit(text: string, pos: number, scaled: boolean): Unit | null {
  const pct = stickyAt(PERCENT_RE, text, pos);
  if (pct) return { unit: 'percent', factor: 1, end: pct.end };
  const cur = stickyAt(CURRENCY_RE, text, pos);
  if (cur) {
    const currency = currencyOf(cur.m);
    return currency === undefined
      ? { unit: 'money', factor: 1, end: cur.end }
      : { unit: 'money', factor: 1, currency, end: cur.end };
  }
  if (scaled) {
    const gbp = stickyAt(POUNDS_GBP_RE, text, pos);
    if (gbp) return { unit: 'money', factor: 1, currency: 'GBP', end: gbp.end };
  }
  const mass = stickyAt(MASS_RE, text, pos);
  if (mass) return { unit: 'mass', factor: massFactor(mass.m), end: mass.end };
  return null;
}

function makeFigure(value: number, unit: FigureUnit, currency: string | undefined, start: number, end: number): Figure {
  return currency === undefined ? { value, unit, start, end } : { value, unit, currency, start, end };
}

interface Read {
  figure: Figure | null;
  /** Where scanning resumes. */
  next: number;
}

/* ------------------------------------------------------------------ */
/* Digits                                                              */
/* ------------------------------------------------------------------ */

function readDigits(text: string, raw: string, mode: NumMode, start: number): Read {
  const coreEnd = start + raw.length;
  const skip: Read = { figure: null, next: coreEnd };
  const prev = text.charAt(start - 1);
  const prev2 = text.charAt(start - 2);

  // Tail of "10:30", "1.2.3", "12/15/2025".
  if ((prev === '.' || prev === ',' || prev === ':' || prev === '/') && isDigit(prev2)) return skip;
  // Labels: "F35", "MS-13", "Covid-19", "mid-2025".
  if (isLetter(prev) || ((prev === '-' || prev === '–') && isLetter(prev2))) return skip;

  const prefix = readPrefix(text, start);
  const fourDigitYear = mode === 'en' && /^\d{4}$/.test(raw) && +raw >= 1900 && +raw <= 2100;

  if (!prefix) {
    if (fourDigitYear) {
      const iso = stickyAt(ISO_DATE_RE, text, start) ?? stickyAt(SEASON_RE, text, start);
      if (iso) return { figure: makeFigure(+raw, 'year', undefined, start, coreEnd), next: iso.end };
    }
    if (raw.length <= 2) {
      const time = stickyAt(TIME_RE, text, start);
      if (time) return { figure: null, next: time.end };
    }
  }
  if (stickyAt(CONTINUATION_RE, text, coreEnd)) return skip;

  // Scale: "million", "bn", "millones", "25k", "$50m".
  let scale = 1;
  let pos = coreEnd;
  const sc = stickyAt(SCALE_RE, text, pos);
  if (sc) {
    scale = scaleValue(sc.m[1] ?? sc.m[2] ?? sc.m[3] ?? '');
    pos = sc.end;
  } else {
    const k = stickyAt(K_RE, text, pos);
    if (k) {
      scale = 1e3;
      pos = k.end;
    } else if (prefix) {
      const short = stickyAt(SHORT_SCALE_RE, text, pos);
      if (short) {
        scale = (short.m[1] ?? '').toLowerCase() === 'm' ? 1e6 : 1e9;
        pos = short.end;
      }
    }
  }

  if (prefix) {
    if (isLetter(text.charAt(pos))) return skip;
    const value = digitsValue(raw, mode, scale);
    return {
      figure: makeFigure(value, 'money', prefix.currency, prefix.start, pos),
      next: pos,
    };
  }

  let unit = readUnit(text, pos, scale > 1);
  if (!unit && scale === 1) {
    // "50m euros": short scale only counts before a currency word.
    const short = stickyAt(SHORT_SCALE_RE, text, pos);
    if (short) {
      const cur = stickyAt(CURRENCY_RE, text, short.end);
      if (cur) {
        scale = (short.m[1] ?? '').toLowerCase() === 'm' ? 1e6 : 1e9;
        const currency = currencyOf(cur.m);
        unit =
          currency === undefined
            ? { unit: 'money', factor: 1, end: cur.end }
            : { unit: 'money', factor: 1, currency, end: cur.end };
      }
    }
  }
  if (unit) {
    const value = digitsValue(raw, mode, scale) * unit.factor;
    return {
      figure: makeFigure(value, unit.unit, unit.currency, start, unit.end),
      next: unit.end,
    };
  }

  // Glued letters: "21st", "5G", "1990s", "50km".
  if (isLetter(text.charAt(pos))) return skip;

  if (scale === 1) {
    if (/^\d{1,2}$/.test(raw) && +raw >= 1 && +raw <= 31) {
      const before = text.slice(Math.max(0, start - 14), start);
      if (MONTH_BEFORE_RE.test(before) || stickyAt(MONTH_AFTER_RE, text, coreEnd)) return skip;
    }
    if (fourDigitYear) return { figure: makeFigure(+raw, 'year', undefined, start, coreEnd), next: coreEnd };
  }
  return {
    figure: makeFigure(digitsValue(raw, mode, scale), 'count', undefined, start, pos),
    next: pos,
  };
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

type WordState = 'start' | 'a' | 'zero' | 'unit' | 'teen' | 'tens' | 'hundred' | 'big' | 'dozen';

interface WordParse {
  value: number;
  /** Offset in the phrase just past the last word used. */
  end: number;
  hasBig: boolean;
}

/**
 * Reads the longest well-formed number at the start of a run of number
 * words: "two hundred and fifty thousand" = 250000, "two dozen" = 24.
 * "one two" stops after "one".
 */
function parseWords(phrase: string): WordParse | null {
  let total = 0;
  let cur = 0;
  let state: WordState = 'start';
  let lastBig = Infinity;
  let hasBig = false;
  let afterAnd = false;
  let end = 0;
  WORD_TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_TOKEN_RE.exec(phrase)) !== null) {
    const w = m[0].toLowerCase();
    if (w === 'and') {
      if (afterAnd || (state !== 'hundred' && state !== 'big')) break;
      afterAnd = true;
      continue;
    }
    const one = ONES[w];
    const teen = TEENS[w];
    const tens = TENS[w];
    const big = BIG[w];
    const open = state === 'start' || state === 'hundred' || state === 'big';
    let ok = false;
    if (w === 'a' || w === 'an') {
      ok = state === 'start';
      if (ok) {
        cur = 1;
        state = 'a';
      }
    } else if (w === 'zero') {
      ok = state === 'start';
      if (ok) state = 'zero';
    } else if (one !== undefined) {
      ok = open || state === 'tens';
      if (ok) {
        cur += one;
        state = 'unit';
      }
    } else if (teen !== undefined || tens !== undefined) {
      ok = open;
      if (ok) {
        cur += teen ?? tens ?? 0;
        state = teen !== undefined ? 'teen' : 'tens';
      }
    } else if (afterAnd) {
      ok = false; // "and" only joins a hundred/thousand to a small number
    } else if (w === 'hundred') {
      ok = (state === 'a' || state === 'unit' || state === 'teen' || state === 'tens') && cur < 100;
      if (ok) {
        cur *= 100;
        state = 'hundred';
      }
    } else if (big !== undefined) {
      ok = state !== 'start' && state !== 'big' && state !== 'zero' && cur > 0 && big < lastBig;
      if (ok) {
        total += cur * big;
        cur = 0;
        lastBig = big;
        hasBig = true;
        state = 'big';
      }
    } else if (w === 'dozen') {
      ok = state === 'a' || state === 'unit' || state === 'teen' || state === 'tens';
      if (ok) {
        cur *= 12;
        state = 'dozen';
      }
    }
    if (!ok) break;
    afterAnd = false;
    end = m.index + m[0].length;
  }
  if (end === 0 || state === 'a') return null;
  return { value: total + cur, end, hasBig };
}

function readWords(text: string, phrase: string, start: number): Read {
  const parsed = parseWords(phrase);
  if (!parsed) return { figure: null, next: start + phrase.length };
  const end = start + parsed.end;
  const skip: Read = { figure: null, next: end };
  const prev = text.charAt(start - 1);
  if ((prev === '-' || prev === '–') && isLetter(text.charAt(start - 2))) return skip;
  const ordinal = stickyAt(ORDINAL_FRACTION_RE, text, end);
  if (ordinal) return { figure: null, next: ordinal.end };
  // "half a million": not a figure we can state exactly.
  if (/^an?\s/i.test(phrase) && HALF_RE.test(text.slice(Math.max(0, start - 8), start))) return skip;
  if (phrase.slice(0, parsed.end).toLowerCase() === 'one') {
    if (stickyAt(ONE_ANOTHER_RE, text, end)) return skip;
    if (NO_ONE_RE.test(text.slice(Math.max(0, start - 6), start))) return skip;
  }
  const unit = readUnit(text, end, parsed.hasBig);
  if (unit) {
    return {
      figure: makeFigure(parsed.value * unit.factor, unit.unit, unit.currency, start, unit.end),
      next: unit.end,
    };
  }
  return { figure: makeFigure(parsed.value, 'count', undefined, start, end), next: end };
}

/* ------------------------------------------------------------------ */
/* API                                                                 */
/* ------------------------------------------------------------------ */

/**
 * All numeric figures in `text`, in order. Dates ("Dec. 15"), times
 * ("10:30"), ordinals ("21st"), and labels ("MS-13", "F-35", "Covid-19")
 * yield nothing; a bare 4-digit number 1900-2100 is a year.
 */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  CORE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CORE_RE.exec(text)) !== null) {
    const start = m.index;
    const [, en, esDot, esComma, plain, words] = m;
    let read: Read;
    if (words !== undefined) read = readWords(text, words, start);
    else if (en !== undefined) read = readDigits(text, en, 'en', start);
    else if (esDot !== undefined) read = readDigits(text, esDot, 'esDot', start);
    else if (esComma !== undefined) read = readDigits(text, esComma, 'esComma', start);
    else read = readDigits(text, plain ?? m[0], 'en', start);
    if (read.figure && Number.isFinite(read.figure.value)) out.push(read.figure);
    CORE_RE.lastIndex = Math.max(read.next, start + 1);
  }
  return out;
}

/**
 * Parses a curated figure spec such as "94%", "$50 million", "32",
 * "1,500 kg", "€1.5 billion", "2025". The whole spec must be one figure.
 */
export function parseFigure(spec: string): FigureValue {
  const trimmed = spec.trim();
  if (trimmed === '') throw new Error(`parseFigure: empty figure spec ${JSON.stringify(spec)}`);
  const figures = extractFigures(trimmed);
  if (figures.length === 0) throw new Error(`parseFigure: no figure in spec ${JSON.stringify(spec)}`);
  if (figures.length > 1)
    throw new Error(`parseFigure: spec ${JSON.stringify(spec)} holds ${figures.length} figures, expected one`);
  const [fig] = figures as [Figure];
  if (fig.start !== 0 || fig.end !== trimmed.length)
    throw new Error(
      `parseFigure: cannot read ${JSON.stringify(trimmed.slice(0, fig.start) + '…' + trimmed.slice(fig.end))} ` +
        `around the figure in spec ${JSON.stringify(spec)}`,
    );
  const { value, unit, currency } = fig;
  return currency === undefined ? { value, unit } : { value, unit, currency };
}

/** Relative tolerance per unit: rounding in money ("$1.5bn" vs "$1,500 million") and unit conversion in mass. */
const TOLERANCE: Readonly<Record<FigureUnit, number>> = {
  money: 0.005,
  mass: 0.005,
  percent: 1e-9,
  count: 1e-9,
  year: 0,
};

function valuesAgree(unit: FigureUnit, a: number, b: number): boolean {
  const diff = Math.abs(a - b);
  return diff <= TOLERANCE[unit] * Math.max(Math.abs(a), Math.abs(b)) || diff < 1e-9;
}

/**
 * True when every required figure appears among the found ones: same unit,
 * equal value (money and mass within 0.5%), and for money the same
 * currency when both sides name one. Counts written in words ("eleven")
 * are counts like "11". An empty requirement list agrees.
 */
export function figuresAgree(required: readonly FigureValue[], found: readonly Figure[]): boolean {
  return required.every((r) =>
    found.some(
      (f) =>
        f.unit === r.unit &&
        (r.unit !== 'money' || r.currency === undefined || f.currency === undefined || r.currency === f.currency) &&
        valuesAgree(r.unit, r.value, f.value),
    ),
  );
}
