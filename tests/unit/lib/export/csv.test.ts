import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, guardFormula, toCsv, toCsvText } from '../../../../lib/export/csv';
import { demoFindings } from './demo';
import { emojiPage, pack } from './fixture';

/** A small RFC 4180 reader for checking what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('the last record has no CRLF');
  return rows;
}

describe('csvField and guardFormula', () => {
  it('quotes fields with a comma, a quote or a line break and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(42)).toBe('42');
  });

  it('defuses formula triggers with a leading apostrophe', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['MS-13', 'a=b', ' =1', '']) expect(guardFormula(cell)).toBe(cell);
  });

  it('writes CRLF records and guards text cells but not numbers', () => {
    expect(toCsvText([['=cmd|"/c calc"!A1', -1, 'x,y']])).toBe(`"'=cmd|""/c calc""!A1",-1,"x,y"\r\n`);
  });
});

describe('toCsv', () => {
  const page = emojiPage();
  const csv = toCsv(page, pack);
  const rows = parseCsv(csv);

  it('has the header and one row per occurrence in text order', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toContain('start_utf16');
    expect(rows).toHaveLength(1 + page.entities.length + page.claims.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'entity',
      'entity',
      'entity',
      'claim',
      'entity',
      'entity',
      'entity',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(rows.length); // records end with CRLF
  });

  it('gives UTF-16 offsets, the exact text, 32 code points of context, rule, cue and sources', () => {
    const column = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)]!;
    for (const row of rows.slice(1)) {
      const start = Number(column(row, 'start_utf16'));
      const end = Number(column(row, 'end_utf16'));
      const exact = column(row, 'exact').replace(/^'/, '');
      expect(page.text.slice(start, end)).toBe(exact);
      expect(page.text.slice(0, start).endsWith(column(row, 'prefix'))).toBe(true);
      expect(page.text.slice(end).startsWith(column(row, 'suffix'))).toBe(true);
      expect(column(row, 'page_url')).toBe(page.url);
    }
    const second = rows[2]!;
    expect(second.slice(0, 6)).toEqual(['entity', 'nicolas-maduro', 'Nicolás Maduro', 'person', '49', '55']);
    expect(column(second, 'rule')).toBe('name-on-page');
    expect(column(second, 'cue')).toBe('Nicolás Maduro');
    expect(column(second, 'source_ids')).toBe('with-url no-url');
    expect([...column(second, 'prefix')]).toHaveLength(32);
    const claim = rows[4]!;
    expect(claim.slice(0, 4)).toEqual([
      'claim',
      'bounty-doubled',
      'The bounty on Maduro was doubled to $50 million.',
      'supported',
    ]);
    expect(column(claim, 'rule')).toBe('');
  });

  it('guards hostile page and knowledge text against formula injection', () => {
    const evil = rows.find((r) => r[1] === 'evil-group')!;
    expect(evil[2]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(evil[6]).toBe(`'=cmd|"/c calc"!A1`);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    // No cell of the file starts with a formula trigger.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes several pages under one header', async () => {
    const { findings, pack: realPack } = await demoFindings();
    const both = parseCsv(toCsv([page, findings], pack));
    expect(both.filter((r) => r[0] === 'kind')).toHaveLength(1);
    expect(both).toHaveLength(
      1 + page.entities.length + page.claims.length + findings.entities.length + findings.claims.length,
    );
    const demoRows = parseCsv(toCsv(findings, realPack)).slice(1);
    expect(demoRows.every((r) => r[12] === findings.url)).toBe(true);
    expect(demoRows.filter((r) => r[0] === 'claim').every((r) => r[11] !== '')).toBe(true);
  });
});
