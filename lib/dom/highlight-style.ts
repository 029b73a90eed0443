/**
 * The page-level CSS for highlights, from the reader's style and intensity settings: the only CSS
 * Backstory adds to a page (the default look as manifest CSS, another as a constructed style sheet,
 * so the page's DOM stays untouched).
 */
import { MARK_TAG } from './paint';
import { DEFAULT_SETTINGS, type HighlightStyle, type Intensity, type Settings } from '../preferences/settings';

/**
 * highlightCss for the default look, as a file the manifest injects with the content script: the
 * browser applies it before the page is first styled. A style sheet added once the page is shown makes
 * it restyle every element (70–80 ms on a 1 MB page), so one is adopted only for another look.
 */
export const HIGHLIGHT_CSS_FILE = 'content-scripts/highlights.css';

export function isDefaultLook(settings: Pick<Settings, 'style' | 'intensity'>): boolean {
  return settings.style === DEFAULT_SETTINGS.style && settings.intensity === DEFAULT_SETTINGS.intensity;
}

export const defaultHighlightCss = () => highlightCss(DEFAULT_SETTINGS.style, DEFAULT_SETTINGS.intensity);

const ALPHA: Record<Intensity, { fill: number; line: number; width: number }> = {
  subtle: { fill: 0.18, line: 0.55, width: 1 },
  normal: { fill: 0.4, line: 0.9, width: 2 },
  strong: { fill: 0.62, line: 1, width: 3 },
};

const COLORS = { entity: [255, 196, 61], entityLine: [160, 100, 0], claim: [110, 160, 255], claimLine: [40, 90, 200] };

function rgb([r, g, b]: number[], alpha: number): string {
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}

function declarations(kind: 'entity' | 'claim', style: HighlightStyle, intensity: Intensity): string {
  const a = ALPHA[intensity];
  const fill = kind === 'entity' ? COLORS.entity : COLORS.claim;
  const line = kind === 'entity' ? COLORS.entityLine : COLORS.claimLine;
  // Claims are whole sentences: a lighter fill and a dotted line keep them readable under entities.
  const fillAlpha = kind === 'claim' ? a.fill / 2 : a.fill;
  const parts: string[] = [];
  if (style !== 'underline') parts.push(`background-color: ${rgb(fill, fillAlpha)};`);
  if (style !== 'background') {
    parts.push(`text-decoration: underline ${kind === 'claim' ? 'dotted ' : ''}${a.width}px ${rgb(line, a.line)};`);
    parts.push('text-underline-offset: 3px;');
  }
  return parts.join(' ');
}

export function highlightCss(style: HighlightStyle, intensity: Intensity): string {
  const entity = declarations('entity', style, intensity);
  const claim = declarations('claim', style, intensity);
  const flash = 'background-color: rgb(255 140 0 / 0.85); color: inherit;';
  // On the root only: highlight styles inherit down the tree, and a rule every element matches makes
  // adding the sheet restyle the whole page (measured on a 1 MB page: 90–140 ms, against 40–70).
  return [
    `:root::highlight(backstory-claim) { ${claim} }`,
    `:root::highlight(backstory-entity) { ${entity} }`,
    `:root::highlight(backstory-flash) { ${flash} }`,
    `${MARK_TAG} { all: unset; display: inline; color: inherit; }`,
    `${MARK_TAG}[data-group~='claim'] { ${claim} }`,
    `${MARK_TAG}[data-group~='entity'] { ${entity} }`,
    `${MARK_TAG}[data-flash] { ${flash} }`,
  ].join('\n');
}
