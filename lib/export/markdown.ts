/**
 * A page's findings as a readable Markdown brief: title and URL, one section per entity group
 * (lib/view/entity-groups.ts) and one for claims, each finding listed once with its count on the page, and
 * numbered citations (lib/view/links.ts citation()) gathered in a "Sources" list at the end.
 *
 * Page and knowledge text is escaped so that it renders as written: no links, emphasis, HTML or
 * math can be smuggled in through a title, a name or a summary.
 */
import { citation } from '../view/links';
import { ENTITY_GROUPS } from '../view/entity-groups';
import type { KnowledgePack, Source } from '../knowledge/types';
import { countFindings } from '../findings/page-report';
import { type PackIndex, type PageFindingsData, indexPack, statusLabel } from './findings';

/**
 * Plain text as one line of Markdown that renders as written: whitespace runs (line and block breaks
 * too) become one space, and a character is backslash-escaped only where it could start markup, so that
 * prose reads as prose ("$50 million", "a | b", "AT&T", "snake_case" stay as they are):
 * - always: ` and * (code spans, emphasis);
 * - _ unless inside a word (CommonMark never opens or closes emphasis with an intraword underscore);
 * - \ before ASCII punctuation or at the end (where it would escape what follows);
 * - < before a letter, /, ! or ? (HTML and autolinks); & before an entity reference ("&amp;");
 * - ] before ( (inline links and images; without definitions a bracket alone is text);
 * - # at the end after a space (a heading's closing sequence);
 * - every ~ when there are two or more (GFM strikethrough takes a pair);
 * - every $ when some $ could close GitHub math (one after a non-space and not before a digit), or on $$.
 * Characters that only mean something at the start of a line (- + = > 1.) and | (a GFM table needs a
 * delimiter row on the next line, which Backstory never writes) need nothing: the text never starts a line.
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
  const tildes = (line.match(/~/g) ?? []).length >= 2;
  const math = line.includes('$$') || /\S\$(?!\d)/.test(line);
  const startsMarkup = (char: string, at: number): boolean => {
    const before = line[at - 1];
    const after = line[at + 1];
    switch (char) {
      case '\\':
        return after === undefined || /[!-/:-@[-`{-~]/.test(after);
      case '_':
        return !(isWordChar(before) && isWordChar(after));
      case '<':
        return after !== undefined && /[A-Za-z/!?]/.test(after);
      case '&':
        return /^&#?[A-Za-z0-9]+;/.test(line.slice(at));
      case ']':
        return after === '(';
      case '#': {
        if (!/^#*$/.test(line.slice(at))) return false;
        let start = at;
        while (line[start - 1] === '#') start--;
        return start === 0 || line[start - 1] === ' ';
      }
      case '~':
        return tildes;
      case '$':
        return math;
      default: // ` and *
        return true;
    }
  };
  return line.replace(/[\\`*_<&\]#~$]/g, (char: string, at: number) => (startsMarkup(char, at) ? `\\${char}` : char));
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** A URL as a CommonMark autolink (`<…>`), or escaped text when it has no scheme. */
export function markdownUrl(url: string): string {
  if (!/^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(url)) return escapeMarkdown(url);
  // An autolink cannot hold spaces, control characters, < or >: percent-encode them.
  // eslint-disable-next-line no-control-regex
  return `<${url.replace(/[\u0000-\u0020\u007f<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/** citation() with its text escaped and its URL (when known) as an autolink. */
export function markdownCitation(source: Source): string {
  const text = citation(source);
  const tail = source.url ? ` ${source.url}.` : '';
  if (tail && text.endsWith(tail)) return `${escapeMarkdown(text.slice(0, -tail.length))} ${markdownUrl(source.url!)}.`;
  return escapeMarkdown(text);
}

interface Counted<T> {
  first: T;
  count: number;
}

/** Findings grouped by id, in order of first appearance on the page. */
function countById<T extends { id: string; start: number }>(items: readonly T[]): Counted<T>[] {
  const byId = new Map<string, Counted<T>>();
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const entry = byId.get(item.id);
    if (entry) entry.count++;
    else byId.set(item.id, { first: item, count: 1 });
  }
  return [...byId.values()];
}

const times = (count: number) => `(${count}×)`;
const plural = (count: number, one: string, other = `${one}s`) => `${count} ${count === 1 ? one : other}`;

/** The brief for one page. */
export function toMarkdown(findings: PageFindingsData, pack: KnowledgePack): string {
  const packIndex: PackIndex = indexPack(pack);
  const citationNumbers = new Map<string, number>();
  /** Numbers the sources on first use; a line's references are in ascending order: "[1][4][9]". */
  const cite = (sourceIds: readonly string[]) =>
    sourceIds
      .map((id) => {
        if (!citationNumbers.has(id)) citationNumbers.set(id, citationNumbers.size + 1);
        return citationNumbers.get(id)!;
      })
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');

  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(findings.title) || escapeMarkdown(findings.url) || 'Untitled page'}`, '');
  if (findings.url) lines.push(markdownUrl(findings.url), '');

  const entities = countById(findings.entities);
  const claims = countById(findings.claims);
  const { mentions, items } = countFindings(findings);
  const packName = escapeMarkdown(`${pack.name} ${pack.version}`);
  // Counted as the popup and the badge count: mentions found, of how many different names and claims.
  lines.push(
    items
      ? `Backstory found ${plural(mentions, 'mention')} of ${plural(items, 'name or claim', 'names and claims')} ` +
          `(${plural(entities.length, 'entity', 'entities')}, ${plural(claims.length, 'claim')}) ` +
          `from its knowledge pack (${packName}) on this page.`
      : `Backstory found nothing from its knowledge pack (${packName}) on this page.`,
  );

  for (const group of ENTITY_GROUPS) {
    const items = entities.filter(({ first }) => group.types.includes(first.type));
    if (!items.length) continue;
    lines.push('', `## ${group.label}`, '');
    for (const { first, count } of items) {
      const entity = packIndex.entity(first.id);
      const summary = entity?.summary ? ` — ${escapeMarkdown(entity.summary)}` : '';
      const refs = cite(packIndex.sourceIds('entity', first.id));
      lines.push(`- **${escapeMarkdown(first.name)}** ${times(count)}${summary}${refs ? ` ${refs}` : ''}`);
    }
  }

  if (claims.length) {
    lines.push('', '## Claims', '');
    for (const { first, count } of claims) {
      const claim = packIndex.claim(first.id);
      const context = claim?.context ? ` Context: ${escapeMarkdown(claim.context)}` : '';
      const refs = cite(packIndex.sourceIds('claim', first.id));
      lines.push(
        `- **${escapeMarkdown(statusLabel(first.status))}:** ${escapeMarkdown(first.statement)} ${times(count)}` +
          `${context}${refs ? ` ${refs}` : ''}`,
      );
    }
  }

  if (citationNumbers.size) {
    lines.push('', '## Sources', '');
    for (const [id, number] of citationNumbers) lines.push(`${number}. ${markdownCitation(packIndex.source(id)!)}`);
  }
  return `${lines.join('\n')}\n`;
}
