// @vitest-environment happy-dom
/** The card as a hover first shows it, and the same card expanded: what each holds and leaves out. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import packJson from '../../../assets/knowledge.json';
import { Card, type CardProps, reasonWorthShowing } from '../../../components/Card';
import type { KnowledgePack } from '../../../lib/knowledge/types';
import { type EntityCardData, cardData } from '../../../lib/view/card-data';
import { i18nFor, inLanguage } from '../support/i18n';

const pack = packJson as unknown as KnowledgePack;
const maduro = cardData(pack, 'entity', 'nicolas-maduro') as EntityCardData;
const english = i18nFor('en');

let container: HTMLElement | undefined;
function mount(props: Partial<CardProps> & Pick<CardProps, 'data'>): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(inLanguage(english, <Card headingId="h" {...props} />), root);
  container = root;
  return root;
}
afterEach(() => {
  if (!container) return;
  render(null, container);
  container.remove();
  container = undefined;
});

describe('reasonWorthShowing', () => {
  it('leaves out an exact full name and claims, keeps judgements and other aliases', () => {
    expect(reasonWorthShowing({ alias: 'Nicolás Maduro', rule: 'alias' }, 'Nicolás Maduro')).toBe(false);
    expect(reasonWorthShowing({ alias: 'nicolas maduro', rule: 'alias' }, 'Nicolás Maduro')).toBe(false);
    expect(reasonWorthShowing({ alias: '', rule: 'claim' }, 'A statement')).toBe(false);
    expect(reasonWorthShowing({ alias: 'Comando Sur', rule: 'alias' }, 'U.S. Southern Command')).toBe(true);
    expect(reasonWorthShowing({ alias: 'Maduro', rule: 'cue-nearby', cue: 'Venezuela' }, 'Nicolás Maduro')).toBe(true);
  });
});

describe('the preview', () => {
  it('holds the name, type, the summary’s first sentence, one claim’s status and one action', () => {
    const onExpand = vi.fn();
    const root = mount({
      data: maduro,
      variant: 'preview',
      reason: { alias: 'Nicolás Maduro', rule: 'alias' },
      onExpand,
      onClose: () => {},
    });
    expect(root.querySelector('h2')!.textContent).toBe('Nicolás Maduro');
    expect(root.querySelector('.card-kind')!.textContent).toBe('Person');
    const summary = root.querySelector('.card-summary')!.textContent!;
    expect(maduro.summary.startsWith(summary)).toBe(true);
    expect(summary.length).toBeLessThan(maduro.summary.length);
    expect(summary).toMatch(/\$50 million\.$/);
    expect(root.querySelector('.card-lead-claim .status')!.textContent).toBe('Needs context');
    expect(root.querySelector('.card-lead-claim')!.textContent).toContain(maduro.claims[0]!.statement);
    expect(root.querySelector('.card-reason')).toBeNull();
    // None of the full background: no timeline, no claim list, no sources line, no footer.
    expect(root.querySelectorAll('.timeline, .card-claims, .card-sources, .card-footer, blockquote')).toHaveLength(0);
    expect(root.querySelector('.card-counts')!.textContent).toBe(
      `${maduro.claims.length} claims · ${maduro.timeline.length} passages`,
    );
    root.querySelector<HTMLButtonElement>('.card-expand')!.click();
    expect(onExpand).toHaveBeenCalledTimes(1);
  });

  it('shows the claim it is given as the most relevant, and its first claim for an unknown id', () => {
    const chosen = maduro.claims.at(-1)!;
    expect(chosen.id).not.toBe(maduro.claims[0]!.id);
    let root = mount({ data: maduro, variant: 'preview', leadClaimId: chosen.id });
    expect(root.querySelector('.card-lead-statement')!.textContent!.trim()).toBe(chosen.statement);
    render(null, root);
    root.remove();
    root = mount({ data: maduro, variant: 'preview', leadClaimId: 'not-a-claim-of-his' });
    expect(root.querySelector('.card-lead-statement')!.textContent!.trim()).toBe(maduro.claims[0]!.statement);
  });

  it('says why a correction was not saved, where its buttons are', () => {
    const root = mount({ data: maduro, variant: 'preview', onCorrect: () => {}, correctionRefused: 'too-fast' });
    expect(root.querySelector('.card-correct .card-correct-refused')!.textContent).toBe(
      'Not saved: too many corrections in one minute. Try again in a moment.',
    );
    expect(root.querySelector('.card-correct-refused')!.getAttribute('role')).toBe('status');
    render(null, root);
    root.remove();
    const expanded = mount({ data: maduro, variant: 'expanded', onCorrect: () => {}, correctionRefused: 'full' });
    expect(expanded.querySelector('.card-correct-refused')!.textContent).toBe(
      'Not saved: Backstory keeps at most 500 corrections. Undo some in Settings to make room.',
    );
  });

  it('keeps the correction status line empty until a correction is refused', () => {
    const root = mount({ data: maduro, variant: 'expanded', onCorrect: () => {} });
    expect(root.querySelector('.card-correct-refused')!.textContent).toBe('');
  });

  it('says why where the matcher judged', () => {
    const root = mount({
      data: maduro,
      variant: 'preview',
      reason: { alias: 'Maduro', rule: 'cue-nearby', cue: 'Caracas' },
    });
    expect(root.querySelector('.card-reason')!.textContent).toBe(
      'Matched “Maduro”, a name shared with others; confirmed by “Caracas” nearby.',
    );
  });

  it('says how the page spelt a name it read with a typo', () => {
    const root = mount({
      data: maduro,
      variant: 'preview',
      reason: { alias: 'Nicolás Maduro', rule: 'near-spelling', cue: 'Nicolas Madura' },
    });
    expect(root.querySelector('.card-reason')!.textContent).toBe(
      'Read “Nicolas Madura” as “Nicolás Maduro”: written one letter off, in a story about this subject.',
    );
  });

  it('keeps “Wrong match?” one click away', async () => {
    const onCorrect = vi.fn();
    const root = mount({ data: maduro, variant: 'preview', onCorrect });
    expect(root.querySelector('.card-correct')).toBeNull();
    const toggle = root.querySelector<HTMLButtonElement>('.card-wrong')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.card-correct button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Not this entity here', 'Never highlight it on this site']);
    buttons[0]!.click();
    expect(onCorrect).toHaveBeenCalledWith('not-here');
  });

  it('shows a claim’s status, who said it, and how many sources the full card holds', () => {
    const claim = pack.claims.find((c) => c.status === 'disputed')!;
    const data = cardData(pack, 'claim', claim.id)!;
    const root = mount({ data, variant: 'preview', reason: { alias: '', rule: 'claim' } });
    expect(root.querySelector('.card-lead-claim .status')!.textContent).toBe('Disputed');
    expect(root.querySelector('.card-claim-status')!.textContent).toContain(`Said by ${claim.claimant}`);
    expect(root.querySelector('.card-reason')).toBeNull();
    const sources = new Set(claim.evidence.map((e) => e.source)).size;
    expect(root.querySelector('.card-counts')!.textContent).toBe(`${sources} source${sources === 1 ? '' : 's'}`);
    expect(root.querySelector('.evidence')).toBeNull();
  });
});

describe('the expanded card', () => {
  it('holds everything, with its sections named at the top', () => {
    const root = mount({ data: maduro, variant: 'expanded', onCorrect: () => {} });
    expect(root.querySelectorAll('.timeline li')).toHaveLength(maduro.timeline.length);
    expect(root.querySelectorAll('.card-claims li')).toHaveLength(maduro.claims.length);
    expect([...root.querySelectorAll('.card-sections button')].map((b) => b.textContent)).toEqual([
      `${maduro.claims.length} claims`,
      `${maduro.timeline.length} passages`,
      'Wrong match?',
    ]);
    expect(root.querySelector('.card-correct')).not.toBeNull();
  });

  it('is not what the popup and archive show: they keep the plain details', () => {
    const root = mount({ data: maduro });
    expect(root.querySelector('.card-sections')).toBeNull();
    expect(root.querySelectorAll('.timeline li')).toHaveLength(maduro.timeline.length);
  });
});
