// @vitest-environment happy-dom
/**
 * The text index is made cheaper step by step (issue 16); each step must give exactly the output of the
 * walk before it (text-index-reference.ts) on any tree: generated pages mixing stories, headings, inline
 * runs, skipped elements, attributes and open and closed shadow roots, read whole, from a subtree, and in
 * steps of any size.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type TextIndexBuilder, createTextIndexBuilder } from '../../../../lib/dom/text-index';
import { createReferenceTextIndexBuilder } from './text-index-reference';

/** A small seeded generator (mulberry32), so that a failing tree can be built again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  ...['div', 'div', 'p', 'p', 'span', 'span', 'b', 'a', 'em', 'i', 'strong', 'small', 'time'],
  ...['article', 'aside', 'section', 'li', 'ul', 'main', 'header', 'footer', 'blockquote', 'figure'],
  ...['h1', 'h2', 'h3', 'h6', 'nav', 'script', 'style', 'code', 'button', 'textarea', 'template', 'backstory-ui'],
  ...['my-card', 'font', 'table', 'td'],
];
const WORDS = ['Maduro', 'Petro', 'the', 'strike', 'Caracas', 'said', ' ', '', 'Nicolás ', ' on Tuesday. '];

function growTree(parent: Node, next: () => number, depth: number, shadows: ShadowRoot[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  const children = depth === 0 ? 6 + Math.floor(next() * 10) : Math.floor(next() * (depth > 4 ? 2 : 5));
  for (let i = 0; i < children; i++) {
    if (next() < 0.4) {
      parent.appendChild(doc.createTextNode(WORDS[Math.floor(next() * WORDS.length)]!));
      continue;
    }
    const element = doc.createElement(TAGS[Math.floor(next() * TAGS.length)]!);
    const roll = next();
    if (roll < 0.03) element.setAttribute('hidden', '');
    else if (roll < 0.05) element.setAttribute('contenteditable', next() < 0.5 ? 'true' : 'false');
    else if (roll < 0.06) element.setAttribute('contenteditable', 'FALSE');
    parent.appendChild(element);
    if (depth < 7) growTree(element, next, depth + 1, shadows);
    if (next() < 0.15 && ['div', 'span', 'p', 'article', 'section', 'my-card'].includes(element.localName)) {
      const shadow = element.attachShadow({ mode: next() < 0.8 ? 'open' : 'closed' });
      shadows.push(shadow);
      growTree(shadow, next, depth + 1, shadows);
    }
  }
}

/** Everything a builder gives, nodes compared by identity. */
function readAll(builder: TextIndexBuilder, budgets: () => number) {
  let steps = 0;
  while (!builder.step(budgets())) steps++;
  const { text, nodes, starts, shadowRoots } = builder.result();
  return { text, nodes, starts, shadowRoots, length: builder.textLength(), steps };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('createTextIndexBuilder gives what the walk before it gave', () => {
  it.each(Array.from({ length: 60 }, (_, seed) => seed))('on generated page %i', (seed) => {
    const next = random(seed + 1);
    const shadows: ShadowRoot[] = [];
    growTree(document.body, next, 0, shadows);
    const elements = [...document.body.querySelectorAll('*')];
    const roots: Node[] = [document.body, ...elements.filter(() => next() < 0.1), ...shadows.slice(0, 2)];
    for (const root of roots) {
      const budget = 1 + Math.floor(next() * 40);
      const expected = readAll(createReferenceTextIndexBuilder(root), () => budget);
      const actual = readAll(createTextIndexBuilder(root), () => budget);
      expect(actual).toEqual(expected);
      expect(actual.nodes.every((node, i) => node === expected.nodes[i])).toBe(true);
      expect(readAll(createTextIndexBuilder(root), () => Infinity).text).toBe(expected.text);
    }
  });

  it('the generated pages hold what the rules are about', () => {
    // The comparison above means something only if the trees reach stories, headings and shadow roots.
    let stories = 0;
    let shadowTexts = 0;
    for (let seed = 0; seed < 60; seed++) {
      document.body.innerHTML = '';
      const shadows: ShadowRoot[] = [];
      growTree(document.body, random(seed + 1), 0, shadows);
      const { text, shadowRoots } = readAll(createTextIndexBuilder(document.body), () => Infinity);
      stories += text.split('\u2029\u2029').length - 1;
      shadowTexts += shadowRoots.length;
    }
    expect(stories).toBeGreaterThan(60);
    expect(shadowTexts).toBeGreaterThan(5);
  });
});
