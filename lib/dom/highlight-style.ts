/**
 * The page-level CSS for highlights, from the reader's style and intensity settings and the page's own
 * colours: the only CSS Backstory adds to a page (the default look as manifest CSS, another as a
 * constructed style sheet, so the page's DOM stays untouched).
 *
 * Colours: the default palette suits a light page. On a page where one of its marks would not stand
 * out from the background by 3:1, or where a fill would leave the page's text hard to read, that colour
 * is moved towards the opposite of the background until it does (WCAG contrast ratios).
 */
import { MARK_TAG } from './paint';
import { DEFAULT_SETTINGS, type HighlightStyle, type Intensity, type Settings } from '../preferences/settings';

/**
 * highlightCss for the default look, as a file the manifest injects with the content script: the
 * browser applies it before the page is first styled. A style sheet added once the page is shown makes
 * it restyle every element (70–80 ms on a 1 MB page), so one is adopted only for another look.
 */
export const HIGHLIGHT_CSS_FILE = 'content-scripts/highlights.css';

export type Rgb = readonly [number, number, number];

/** The colours where highlights are painted: the text's and the background behind it (opaque). */
export interface PageColors {
  text: Rgb;
  background: Rgb;
}

/** A light page with dark text: what the default palette is made for. */
export const LIGHT_PAGE: PageColors = { text: [17, 17, 17], background: [255, 255, 255] };

/** A mark (underline) must stand out from the background by at least this much (WCAG non-text contrast). */
export const MIN_MARK_CONTRAST = 3;
/** A colour that had to be moved is moved until this, to keep a margin over the minimum. */
const ADJUSTED_MARK_CONTRAST = 4.5;
/** Text under a fill keeps at least this contrast (or its own contrast with the page, if lower). */
const MIN_TEXT_CONTRAST = 4.5;
/** The flash lasts a moment (reveal.ts FLASH_MS): it may be bolder, down to large-text contrast. */
const MIN_FLASH_TEXT_CONTRAST = 3;

const ALPHA: Record<Intensity, { fill: number; line: number; width: number }> = {
  subtle: { fill: 0.18, line: 0.55, width: 1 },
  normal: { fill: 0.4, line: 0.9, width: 2 },
  strong: { fill: 0.62, line: 1, width: 3 },
};

const COLORS = {
  entity: [255, 196, 61] as Rgb,
  entityLine: [160, 100, 0] as Rgb,
  claim: [110, 160, 255] as Rgb,
  claimLine: [40, 90, 200] as Rgb,
  flash: [255, 140, 0] as Rgb,
};
const FLASH_ALPHA = 0.85;

export interface Palette {
  entityFill: { color: Rgb; alpha: number };
  entityLine: { color: Rgb; alpha: number };
  claimFill: { color: Rgb; alpha: number };
  claimLine: { color: Rgb; alpha: number };
  flash: { color: Rgb; alpha: number };
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, from 1 (none) to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` at `alpha` over an opaque `background`. */
export function over(color: Rgb, alpha: number, background: Rgb): Rgb {
  return color.map((c, i) => Math.round(c * alpha + background[i]! * (1 - alpha))) as unknown as Rgb;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return over(b, t, a);
}

/** The colour's contrast with the background once drawn at `alpha` over it. */
function markContrast(color: Rgb, alpha: number, background: Rgb): number {
  return contrastRatio(over(color, alpha, background), background);
}

/** `color` moved towards black on a light background or white on a dark one until it stands out. */
function standOut(color: Rgb, alpha: number, background: Rgb): Rgb {
  if (markContrast(color, alpha, background) >= MIN_MARK_CONTRAST) return color;
  const away: Rgb =
    contrastRatio(background, [0, 0, 0]) > contrastRatio(background, [255, 255, 255]) ? [0, 0, 0] : [255, 255, 255];
  for (let t = 0.05; t < 1; t += 0.05) {
    const moved = mix(color, away, t);
    if (markContrast(moved, alpha, background) >= ADJUSTED_MARK_CONTRAST) return moved;
  }
  return away;
}

/** The fill's alpha lowered until the page's text over it stays readable. */
function readableFill(color: Rgb, alpha: number, page: PageColors, minContrast = MIN_TEXT_CONTRAST): number {
  const wanted = Math.min(minContrast, contrastRatio(page.text, page.background));
  let a = alpha;
  while (a > 0.05 && contrastRatio(page.text, over(color, a, page.background)) < wanted) a -= 0.05;
  return Math.round(a * 100) / 100;
}

/** The colours of each mark on a page with these colours, at this intensity. */
export function paletteFor(page: PageColors, intensity: Intensity): Palette {
  const a = ALPHA[intensity];
  return {
    entityFill: { color: COLORS.entity, alpha: readableFill(COLORS.entity, a.fill, page) },
    entityLine: { color: standOut(COLORS.entityLine, a.line, page.background), alpha: a.line },
    // Claims are whole sentences: a quiet fill, only where the style has no line.
    claimFill: { color: COLORS.claim, alpha: readableFill(COLORS.claim, a.fill / 3, page) },
    claimLine: { color: standOut(COLORS.claimLine, a.line, page.background), alpha: a.line },
    flash: { color: COLORS.flash, alpha: readableFill(COLORS.flash, FLASH_ALPHA, page, MIN_FLASH_TEXT_CONTRAST) },
  };
}

function samePalette(a: Palette, b: Palette): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the manifest's CSS is the look wanted: default settings, and a page the default palette suits. */
export function isDefaultLook(settings: Pick<Settings, 'style' | 'intensity'>, page: PageColors = LIGHT_PAGE): boolean {
  return (
    settings.style === DEFAULT_SETTINGS.style &&
    settings.intensity === DEFAULT_SETTINGS.intensity &&
    samePalette(paletteFor(page, settings.intensity), paletteFor(LIGHT_PAGE, settings.intensity))
  );
}

export const defaultHighlightCss = () => highlightCss(DEFAULT_SETTINGS.style, DEFAULT_SETTINGS.intensity);

function rgb({ color: [r, g, b], alpha }: { color: Rgb; alpha: number }): string {
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}

function declarations(kind: 'entity' | 'claim', style: HighlightStyle, intensity: Intensity, palette: Palette): string {
  const width = ALPHA[intensity].width;
  const parts: string[] = [];
  if (kind === 'entity') {
    if (style !== 'underline') parts.push(`background-color: ${rgb(palette.entityFill)};`);
    if (style !== 'background') parts.push(`text-decoration: underline ${width}px ${rgb(palette.entityLine)};`);
  } else if (style === 'background') {
    parts.push(`background-color: ${rgb(palette.claimFill)};`);
  } else {
    // A thin dotted line under the sentence, quieter than a name's mark, never a filled sentence.
    parts.push(`text-decoration: underline dotted ${Math.max(1, width - 1)}px ${rgb(palette.claimLine)};`);
  }
  if (parts.some((part) => part.startsWith('text-decoration'))) parts.push('text-underline-offset: 3px;');
  return parts.join(' ');
}

export function highlightCss(style: HighlightStyle, intensity: Intensity, page: PageColors = LIGHT_PAGE): string {
  const palette = paletteFor(page, intensity);
  const entity = declarations('entity', style, intensity, palette);
  const claim = declarations('claim', style, intensity, palette);
  const flash = `background-color: ${rgb(palette.flash)}; color: inherit;`;
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

/**
 * A computed CSS colour ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)") as channels and
 * alpha; undefined for anything else (a colour a browser reports in another space, "transparent").
 */
export function parseCssColor(value: string): { color: Rgb; alpha: number } | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/.exec(value.trim());
  if (!match) return undefined;
  const [, r, g, b, alpha, percent] = match;
  const a = alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1);
  return { color: [Number(r), Number(g), Number(b)], alpha: a };
}

/** Where a page's highlights mostly fall: its article's first paragraph, else any paragraph, else the body. */
export function sampleElement(doc: Document): Element | null {
  return doc.querySelector('article p, main p') ?? doc.querySelector('p') ?? doc.body;
}

/**
 * The colours of an element's text and of what shows behind it: its own background and its
 * ancestors', layered until one is opaque (the canvas behind all: white, or dark where the page asks
 * for a dark colour scheme only).
 */
export function pageColorsAt(element: Element): PageColors {
  const win = element.ownerDocument.defaultView;
  if (!win) return LIGHT_PAGE;
  const layers: { color: Rgb; alpha: number }[] = [];
  for (let at: Element | null = element; at; at = at.parentElement) {
    const background = parseCssColor(win.getComputedStyle(at).backgroundColor);
    if (!background || background.alpha === 0) continue;
    layers.push(background);
    if (background.alpha >= 1) break;
  }
  const scheme = win.getComputedStyle(element.ownerDocument.documentElement).colorScheme;
  const canvas: Rgb = layers.at(-1)?.alpha === 1 ? [255, 255, 255] : scheme === 'dark' ? [18, 18, 18] : [255, 255, 255];
  const background = layers.reduceRight<Rgb>((below, layer) => over(layer.color, layer.alpha, below), canvas);
  const text = parseCssColor(win.getComputedStyle(element).color);
  return { text: text ? over(text.color, text.alpha, background) : LIGHT_PAGE.text, background };
}
