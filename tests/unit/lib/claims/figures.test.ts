import { describe, it, expect } from 'vitest';
import {
  extractFigures,
  figuresAgree,
  parseFigure,
  type Figure,
  type FigureUnit,
} from '../../../../lib/claims/figures';

/** Figures as [matched text, unit, value, currency] for compact assertions. */
function summarize(text: string): [string, FigureUnit, number, string?][] {
  return extractFigures(text).map((f) =>
    f.currency === undefined
      ? [text.slice(f.start, f.end), f.unit, f.value]
      : [text.slice(f.start, f.end), f.unit, f.value, f.currency],
  );
}

/** The one figure in `text`; fails when there is not exactly one. */
function only(text: string): Figure {
  const figures = extractFigures(text);
  expect(figures, `figures in ${JSON.stringify(text)}`).toHaveLength(1);
  return figures[0] as Figure;
}

describe('extractFigures: percent', () => {
  it.each([
    ['94% of voters', '94%', 94],
    ['94 % of voters', '94 %', 94],
    ['fell 94 percent', '94 percent', 94],
    ['fell 94 per cent.', '94 per cent', 94],
    ['Ninety-four percent agreed', 'Ninety-four percent', 94],
    ['ninety-four per cent agreed', 'ninety-four per cent', 94],
    ['a 94-percent rise', '94-percent', 94],
    ['el 94 por ciento de los votos', '94 por ciento', 94],
    ['el 94,5% de los votos', '94,5%', 94.5],
    ['el 94,5 por ciento', '94,5 por ciento', 94.5],
    ['up 3.5%', '3.5%', 3.5],
    ['rose 2 percentage points', '2 percentage points', 2],
    ['growth of 0.25 pct', '0.25 pct', 0.25],
    ['one hundred percent sure', 'one hundred percent', 100],
    ['a 1,500% jump', '1,500%', 1500],
    ['94\u00a0% with a no-break space', '94\u00a0%', 94],
  ])('%j -> %j = %d%%', (text, slice, value) => {
    const f = only(text);
    expect(f.unit).toBe('percent');
    expect(f.value).toBeCloseTo(value, 9);
    expect(f.currency).toBeUndefined();
    expect(text.slice(f.start, f.end)).toBe(slice);
  });
});

describe('extractFigures: money', () => {
  it.each([
    ['raised $50 million', '$50 million', 50_000_000, 'USD'],
    ['raised $50m last year', '$50m', 50_000_000, 'USD'],
    ['raised $50M', '$50M', 50_000_000, 'USD'],
    ['raised $50 mn', '$50 mn', 50_000_000, 'USD'],
    ['raised US$50 million', 'US$50 million', 50_000_000, 'USD'],
    ['raised US $50 million', 'US $50 million', 50_000_000, 'USD'],
    ['raised 50 million dollars', '50 million dollars', 50_000_000, 'USD'],
    ['raised 50 million U.S. dollars', '50 million U.S. dollars', 50_000_000, 'USD'],
    ['a $1.5 billion deal', '$1.5 billion', 1_500_000_000, 'USD'],
    ['a $1.5bn deal', '$1.5bn', 1_500_000_000, 'USD'],
    ['a $1.5-billion deal', '$1.5-billion', 1_500_000_000, 'USD'],
    ['a $5B deal', '$5B', 5_000_000_000, 'USD'],
    ['$5.2 trillion in debt', '$5.2 trillion', 5_200_000_000_000, 'USD'],
    ['€200 million in aid', '€200 million', 200_000_000, 'EUR'],
    ['200 million euros in aid', '200 million euros', 200_000_000, 'EUR'],
    ['€1.5 billion in aid', '€1.5 billion', 1_500_000_000, 'EUR'],
    ['50m euros in aid', '50m euros', 50_000_000, 'EUR'],
    ['a fine of $25,000', '$25,000', 25_000, 'USD'],
    ['a $5 million reward', '$5 million', 5_000_000, 'USD'],
    ['a $25k bonus', '$25k', 25_000, 'USD'],
    ['£3bn of cuts', '£3bn', 3_000_000_000, 'GBP'],
    ['£10 a head', '£10', 10, 'GBP'],
    ['10 million pounds in fines', '10 million pounds', 10_000_000, 'GBP'],
    ['2 million pounds sterling', '2 million pounds sterling', 2_000_000, 'GBP'],
    ['USD 50 million in loans', 'USD 50 million', 50_000_000, 'USD'],
    ['A$50m for farmers', 'A$50m', 50_000_000, 'AUD'],
    ['C$3bn for roads', 'C$3bn', 3_000_000_000, 'CAD'],
    ['10 Canadian dollars', '10 Canadian dollars', 10, 'CAD'],
    ['five million dollars', 'five million dollars', 5_000_000, 'USD'],
    ['500 yen', '500 yen', 500, 'JPY'],
    ['50 millones de dólares', '50 millones de dólares', 50_000_000, 'USD'],
    ['200 millones de euros', '200 millones de euros', 200_000_000, 'EUR'],
    ['1.500 millones de euros', '1.500 millones de euros', 1_500_000_000, 'EUR'],
    ['50 mil euros', '50 mil euros', 50_000, 'EUR'],
    ['1,5 millones de euros', '1,5 millones de euros', 1_500_000, 'EUR'],
  ])('%j -> %j = %d %s', (text, slice, value, currency) => {
    const f = only(text);
    expect(f.unit).toBe('money');
    expect(f.value).toBeCloseTo(value, 3);
    expect(f.currency).toBe(currency);
    expect(text.slice(f.start, f.end)).toBe(slice);
  });
});

describe('extractFigures: mass (kg)', () => {
  it.each([
    ['seized 1,500 kg of cocaine', '1,500 kg', 1500],
    ['seized 1500kg of cocaine', '1500kg', 1500],
    ['seized 1.5 tonnes of cocaine', '1.5 tonnes', 1500],
    ['seized 3 tons of cocaine', '3 tons', 3000],
    ['seized 3 metric tons', '3 metric tons', 3000],
    ['seized 250 kilograms', '250 kilograms', 250],
    ['seized 250 kilos', '250 kilos', 250],
    ['lost 10 pounds', '10 pounds', 4.536],
    ['a 10-pound bag', '10-pound', 4.536],
    ['2 lbs of meth', '2 lbs', 0.9072],
    ['three tons of food', 'three tons', 3000],
    ['1.5 million tonnes of grain', '1.5 million tonnes', 1_500_000_000],
    ['100 million pounds of waste', '100 million pounds', 45_360_000],
    ['3 toneladas de cocaína', '3 toneladas', 3000],
    ['500 grams of heroin', '500 grams', 0.5],
  ])('%j -> %j = %d kg', (text, slice, value) => {
    const f = only(text);
    expect(f.unit).toBe('mass');
    expect(f.value).toBeCloseTo(value, 6);
    expect(text.slice(f.start, f.end)).toBe(slice);
  });
});

describe('extractFigures: count', () => {
  it.each([
    ['32', '32', 32],
    ['83 people died', '83', 83],
    ['more than 80 were hurt', '80', 80],
    ['at least 1,200 troops', '1,200', 1200],
    ['1,500,000 voters', '1,500,000', 1_500_000],
    ['4.5 million residents', '4.5 million', 4_500_000],
    ['1.2 million homes', '1.2 million', 1_200_000],
    ['2 billion users', '2 billion', 2_000_000_000],
    ['a 25k crowd', '25k', 25_000],
    ['3bn people', '3bn', 3_000_000_000],
    ['Eleven people', 'Eleven', 11],
    ['eleven people', 'eleven', 11],
    ['eighty-three people', 'eighty-three', 83],
    ['eighty three people', 'eighty three', 83],
    ['ninety-nine problems', 'ninety-nine', 99],
    ['zero deaths', 'zero', 0],
    ['nineteen dead', 'nineteen', 19],
    ['two dozen', 'two dozen', 24],
    ['a dozen eggs', 'a dozen', 12],
    ['four thousand marchers', 'four thousand', 4000],
    ['a hundred cars', 'a hundred', 100],
    ['two hundred and fifty thousand', 'two hundred and fifty thousand', 250_000],
    ['three million viewers', 'three million', 3_000_000],
    ['nineteen hundred', 'nineteen hundred', 1900],
    ['a 25-year-old man', '25', 25],
    ['a three-year-old boy', 'three', 3],
    ['the 10,000-strong crowd', '10,000', 10_000],
    ['1,950 people', '1,950', 1950],
    ['Boeing 737 jets', '737', 737],
    ['2000 million', '2000 million', 2_000_000_000],
    ['1.500 personas', '1.500', 1500],
  ])('%j -> %j = %d', (text, slice, value) => {
    const f = only(text);
    expect(f.unit).toBe('count');
    expect(f.value).toBeCloseTo(value, 6);
    expect(text.slice(f.start, f.end)).toBe(slice);
  });

  it.each([
    ['won 3-2 on penalties', [3, 2]],
    ['ages 18-25', [18, 25]],
    ['one two three', [1, 2, 3]],
    ['one in five adults', [1, 5]],
  ])('%j -> counts %j', (text, values) => {
    const figures = extractFigures(text);
    expect(figures.map((f) => f.unit)).toEqual(values.map(() => 'count'));
    expect(figures.map((f) => f.value)).toEqual(values);
  });
});

describe('extractFigures: year', () => {
  it.each([
    ['2025', '2025'],
    ['in 2025.', '2025'],
    ['the 2024 election', '2024'],
    ['Dec. 15, 2025', '2025'],
    ['May 2023', '2023'],
    ['since 1900', '1900'],
    ['by 2100', '2100'],
    ['on 2025-12-15', '2025'],
    ['the 2019-20 season', '2019'],
  ])('%j -> year %j', (text, slice) => {
    const f = only(text);
    expect(f.unit).toBe('year');
    expect(f.value).toBe(Number(slice));
    expect(text.slice(f.start, f.end)).toBe(slice);
  });

  it.each([
    ['1899 votes', 1899],
    ['2101 votes', 2101],
    ['2,025 votes', 2025],
    ['12025 votes', 12025],
  ])('%j is a count, not a year', (text, value) => {
    const f = only(text);
    expect(f.unit).toBe('count');
    expect(f.value).toBe(value);
  });
});

describe('extractFigures: traps that yield no figure', () => {
  it.each([
    'MS-13 gang members',
    'the F-35 program',
    'Covid-19 cases',
    'COVID19 cases',
    'F35 jets',
    'a G7 summit',
    'H5N1 bird flu',
    'mid-2025 rollout',
    'on Dec. 15',
    'on Dec 15',
    'on December 15',
    'on 15 December',
    'el 15 de diciembre',
    'at 10:30',
    'at 10:30 a.m.',
    'at 3 p.m.',
    'at 10am',
    'the 21st century',
    'the 2nd round',
    'the 1990s',
    "the '90s",
    '5G networks',
    'a 50km trek',
    'on 12/15/2025',
    '24/7 news',
    'version 1.2.3',
    'the twenty-first century',
    'two-thirds of voters',
    'one half of voters',
    'no one came',
    'they met one another',
    'half a million',
    'thousands of people',
    'dozens of people',
    'hundreds of people',
    'someone often gone',
    '',
  ])('%j', (text) => {
    expect(extractFigures(text)).toEqual([]);
  });
});

describe('extractFigures: a number inside a figure is not also a count', () => {
  it.each([
    ['94 percent', 'percent'],
    ['94-percent', 'percent'],
    ['$50 million', 'money'],
    ['US$50 million', 'money'],
    ['50 million dollars', 'money'],
    ['$25,000', 'money'],
    ['1,500 kg', 'mass'],
    ['1.5 tonnes', 'mass'],
    ['four thousand', 'count'],
    ['two hundred and fifty thousand', 'count'],
    ['eighty-three', 'count'],
  ])('%j -> one %s figure spanning the text', (text, unit) => {
    const f = only(text);
    expect(f.unit).toBe(unit);
    expect([f.start, f.end]).toEqual([0, text.length]);
  });
});

describe('extractFigures: sentences and offsets', () => {
  it.each([
    [
      'Police said 83 people, including MS-13 members, were held on Dec. 15, 2025 after $5 million in cash was found.',
      [
        ['83', 'count', 83],
        ['2025', 'year', 2025],
        ['$5 million', 'money', 5_000_000, 'USD'],
      ],
    ],
    [
      'Turnout was 94% in 2024 and eleven of 32 districts lost 1,500 kg of grain.',
      [
        ['94%', 'percent', 94],
        ['2024', 'year', 2024],
        ['eleven', 'count', 11],
        ['32', 'count', 32],
        ['1,500 kg', 'mass', 1500],
      ],
    ],
    [
      'At 10:30 the F-35 jets and 4.5 million residents saw a 3.5% rise, worth €200 million.',
      [
        ['4.5 million', 'count', 4_500_000],
        ['3.5%', 'percent', 3.5],
        ['€200 million', 'money', 200_000_000, 'EUR'],
      ],
    ],
    [
      'El 94 por ciento de los 1.500 millones de euros llegó el 15 de diciembre de 2025.',
      [
        ['94 por ciento', 'percent', 94],
        ['1.500 millones de euros', 'money', 1_500_000_000, 'EUR'],
        ['2025', 'year', 2025],
      ],
    ],
    [
      'Covid-19 killed ninety-four people — 12% of 2,000 residents.',
      [
        ['ninety-four', 'count', 94],
        ['12%', 'percent', 12],
        ['2,000', 'count', 2000],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });

  it('offsets are UTF-16 offsets into the original text', () => {
    const text = '😀 Émigrés paid €1.5 billion — 🇪🇸 el 94 por ciento.';
    const figures = extractFigures(text);
    expect(figures.map((f) => text.slice(f.start, f.end))).toEqual(['€1.5 billion', '94 por ciento']);
    expect(figures[0]?.start).toBe(text.indexOf('€'));
    expect(figures[1]?.end).toBe(text.indexOf('ciento') + 'ciento'.length);
  });

  it('figures come back in text order with non-overlapping spans', () => {
    const text = '$50m, 94 %, 3 tons, eleven, 2025, 50 million dollars, 83 people and four thousand more.';
    const figures = extractFigures(text);
    expect(figures).toHaveLength(8);
    for (let i = 1; i < figures.length; i++) {
      expect(figures[i]!.start).toBeGreaterThanOrEqual(figures[i - 1]!.end);
    }
  });

  it('is repeatable (no state leaks between calls)', () => {
    const text = 'Some 83 people and $5 million.';
    expect(extractFigures(text)).toEqual(extractFigures(text));
    expect(extractFigures('32')).toEqual([{ value: 32, unit: 'count', start: 0, end: 2 }]);
  });

  // How its time grows on such input is measured against a linear baseline in regex-linear.test.ts (a
  // ratio, not a wall-clock limit); here: long hostile input is read to the end, and read right.
  it('reads long and adversarial input to the end', () => {
    const sentence = 'At least 83 people, $50 million and 94% of 2,000 residents. ';
    const once = extractFigures(sentence);
    expect(once.length).toBeGreaterThan(2);
    const repeated = extractFigures(sentence.repeat(2000));
    expect(repeated).toHaveLength(once.length * 2000);
    const last = once.at(-1)!;
    const shift = sentence.length * 1999;
    expect(repeated.at(-1)).toEqual({ ...last, start: last.start + shift, end: last.end + shift });
    for (const input of ['one '.repeat(20_000), ' '.repeat(100_000) + 'x', '1,'.repeat(50_000)]) {
      expect(() => extractFigures(input)).not.toThrow();
    }
    expect(extractFigures('twenty-' + ' '.repeat(50_000) + 'x')).toEqual(extractFigures('twenty- x'));
  });
});

describe('parseFigure', () => {
  it.each([
    ['94%', { value: 94, unit: 'percent' }],
    ['94 percent', { value: 94, unit: 'percent' }],
    ['$50 million', { value: 50_000_000, unit: 'money', currency: 'USD' }],
    ['  $50m  ', { value: 50_000_000, unit: 'money', currency: 'USD' }],
    ['€1.5 billion', { value: 1_500_000_000, unit: 'money', currency: 'EUR' }],
    ['£3bn', { value: 3_000_000_000, unit: 'money', currency: 'GBP' }],
    ['$25,000', { value: 25_000, unit: 'money', currency: 'USD' }],
    ['32', { value: 32, unit: 'count' }],
    ['eleven', { value: 11, unit: 'count' }],
    ['4.5 million', { value: 4_500_000, unit: 'count' }],
    ['1,500 kg', { value: 1500, unit: 'mass' }],
    ['1.5 tonnes', { value: 1500, unit: 'mass' }],
    ['2025', { value: 2025, unit: 'year' }],
  ])('%j', (spec, expected) => {
    expect(parseFigure(spec)).toEqual(expected);
  });

  it.each([
    ['', /empty figure spec/],
    ['   ', /empty figure spec/],
    ['abc', /no figure in spec "abc"/],
    ['MS-13', /no figure in spec "MS-13"/],
    ['Dec. 15', /no figure in spec/],
    ['10:30', /no figure in spec/],
    ['21st', /no figure in spec/],
    ['83 people', /cannot read .* in spec "83 people"/],
    ['about $50 million', /cannot read .* in spec "about \$50 million"/],
    ['94% and 97%', /holds 2 figures, expected one/],
    ['1 2', /holds 2 figures/],
  ])('%j throws %s', (spec, message) => {
    expect(() => parseFigure(spec)).toThrow(message);
  });
});

describe('figuresAgree', () => {
  it.each([
    // percent
    [['94%'], 'Some 94 percent said yes.', true],
    [['94%'], 'Some ninety-four per cent said yes.', true],
    [['94%'], 'Some 97 percent said yes.', false],
    [['94%'], 'Some 94 people said yes.', false],
    [['94%'], 'In 1994 voters said yes.', false],
    // money
    [['$50 million'], 'They paid $50m.', true],
    [['$50 million'], 'They paid 50 million dollars.', true],
    [['$50 million'], 'They paid US$50 million.', true],
    [['$50 million'], 'They paid $25 million.', false],
    [['$50 million'], 'They paid €50 million.', false],
    [['$50 million'], 'They paid A$50 million.', false],
    [['$50 million'], '50 million people paid.', false],
    [['$1.5bn'], 'They paid $1,500 million.', true],
    [['$1.5bn'], 'They paid $1.495 billion.', true],
    [['$1.5bn'], 'They paid $1.4 billion.', false],
    [['€200 million'], 'Pagaron 200 millones de euros.', true],
    [['$5 million'], 'A $5 million reward was offered.', true],
    // mass
    [['1,500 kg'], 'They seized 1.5 tonnes.', true],
    [['1,500 kg'], 'They seized 1,500 pounds.', false],
    [['3 tons'], 'They seized 3,000 kilograms.', true],
    // count
    [['32'], 'Police held 32 people.', true],
    [['11'], 'Police held eleven people.', true],
    [['83'], 'Police held eighty-three people.', true],
    [['80'], 'Police held more than 80 people.', true],
    [['4000'], 'Four thousand marched.', true],
    [['13'], 'Police held MS-13 members.', false],
    [['19'], 'Covid-19 spread.', false],
    [['35'], 'The F-35 flew.', false],
    [['15'], 'It happened on Dec. 15.', false],
    [['30'], 'It happened at 10:30.', false],
    [['21'], 'The 21st century.', false],
    [['2025'], 'It happened in 2025.', true],
    [['83'], 'Police held 83 kg of drugs.', false],
    // several
    [['83', '$5 million', '2025'], '83 held, $5m seized in 2025.', true],
    [['83', '$5 million', '2025'], '83 held, $5m seized in 2024.', false],
    [['94%', '32'], 'Some 94% of 32 districts.', true],
    [['94%', '32'], 'Some 94% of 33 districts.', false],
    [[], 'Anything at all.', true],
    [['32'], '', false],
  ])('%j in %j -> %s', (specs, text, expected) => {
    expect(figuresAgree(specs.map(parseFigure), extractFigures(text))).toBe(expected);
  });

  it('ignores currency when either side does not name one', () => {
    const found = extractFigures('They paid 50 million dollars.');
    expect(figuresAgree([{ value: 50_000_000, unit: 'money' }], found)).toBe(true);
    const noCurrency: Figure[] = [{ value: 50_000_000, unit: 'money', start: 0, end: 3 }];
    expect(figuresAgree([parseFigure('€50 million')], noCurrency)).toBe(true);
    expect(figuresAgree([parseFigure('€50 million')], [{ ...noCurrency[0]!, currency: 'GBP' }])).toBe(false);
  });

  it('applies the 0.5% tolerance to money only, not to counts or percents', () => {
    expect(figuresAgree([parseFigure('$1,000,000')], extractFigures('$1,004,000'))).toBe(true);
    expect(figuresAgree([parseFigure('$1,000,000')], extractFigures('$1,006,000'))).toBe(false);
    expect(figuresAgree([parseFigure('1,000')], extractFigures('1,001 people'))).toBe(false);
    expect(figuresAgree([parseFigure('94%')], extractFigures('94.1%'))).toBe(false);
  });
});
