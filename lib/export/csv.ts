/**
 * A page's findings as RFC 4180 CSV: a header row, then one row per finding occurrence in text order.
 * Records end with CRLF; fields holding a comma, a double quote, CR or LF are quoted, with quotes
 * doubled. Page text is hostile: a text cell starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe so that spreadsheets never run it as a formula (CSV injection). Offsets are
 * UTF-16 code units into the page text, as JavaScript counts (the column names say so).
 */
import type { KnowledgePack } from '../knowledge/types';
import { type PageFindingsData, indexPack, inTextOrder } from './findings';
import { offsetMap, quoteContext } from './text-offsets';

export const CSV_COLUMNS = [
  'kind',
  'id',
  'name_or_statement',
  'type_or_status',
  'start_utf16',
  'end_utf16',
  'exact',
  'prefix',
  'suffix',
  'rule',
  'cue',
  'source_ids',
  'page_url',
] as const;

/** Up to this many code points of page text before and after each occurrence. */
export const CSV_CONTEXT_CODE_POINTS = 32;

/** A text cell made safe for spreadsheets: formula triggers get a leading apostrophe. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One field as RFC 4180 writes it. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 text: fields joined by commas, each record ended by CRLF. Numbers are written as is, text guarded. */
export function toCsvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((row) => row.map((cell) => csvField(typeof cell === 'number' ? cell : guardFormula(cell))).join(',') + '\r\n')
    .join('');
}

/** The data rows (no header) for one page. */
export function csvRows(findings: PageFindingsData, pack: KnowledgePack): (string | number)[][] {
  const packIndex = indexPack(pack);
  const map = offsetMap(findings.text);
  return inTextOrder(findings).map((finding) => {
    const { prefix, suffix } = quoteContext(findings.text, map, finding.start, finding.end, CSV_CONTEXT_CODE_POINTS);
    const entity = finding.kind === 'entity' ? finding : undefined;
    return [
      finding.kind,
      finding.id,
      finding.kind === 'entity' ? finding.name : finding.statement,
      finding.kind === 'entity' ? finding.type : finding.status,
      finding.start,
      finding.end,
      findings.text.slice(finding.start, finding.end),
      prefix,
      suffix,
      entity?.rule ?? '',
      entity?.cue ?? '',
      packIndex.sourceIds(finding.kind, finding.id).join(' '),
      findings.url,
    ];
  });
}

/**
 * The CSV file for one or more pages: one header row, then every page's occurrences (the page_url
 * column tells them apart).
 */
export function toCsv(pages: PageFindingsData | readonly PageFindingsData[], pack: KnowledgePack): string {
  const list: readonly PageFindingsData[] = Array.isArray(pages) ? pages : [pages as PageFindingsData];
  return toCsvText([[...CSV_COLUMNS], ...list.flatMap((page) => csvRows(page, pack))]);
}
