import { type ContentScriptContext, createShadowRootUi } from '#imports';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Card, type Reason } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import paletteCss from '../../components/palette.css?inline';
import { I18nContext } from '../../components/i18n';
import statusCss from '../../components/status.css?inline';
import type { CardData } from '../../lib/view/card-data';
import { placeCard } from '../../lib/dom/position';
import { sameRange } from '../../lib/dom/same-range';
import type { CorrectionRefusal } from '../../lib/preferences/correction-limits';
import { type I18n, i18nFrom } from '../../lib/view/i18n';
import { leadClaim } from '../../lib/view/lead-claim';
import { OPEN_CARD_FOR_TESTS_KEY } from './test-hooks';

export const CARD_HOST_TAG = 'backstory-ui';

/** Closed, so that pages can neither read the card nor press its buttons; see OPEN_CARD_FOR_TESTS_KEY. */
async function shadowRootMode(): Promise<'open' | 'closed'> {
  if (import.meta.env.BACKSTORY_STORE) return 'closed';
  const stored = await browser.storage.local.get(OPEN_CARD_FOR_TESTS_KEY);
  return stored[OPEN_CARD_FOR_TESTS_KEY] === true ? 'open' : 'closed';
}

/** Clicks and keys a page script makes up (`element.click()`, `dispatchEvent`) never reach the card. */
function dropUntrusted(event: Event) {
  if (!event.isTrusted) event.stopImmediatePropagation();
}

export interface CardRequest {
  kind: 'entity' | 'claim';
  id: string;
  /** Name or statement, for corrections. */
  label: string;
  /** Imported pack id; none for the bundled pack. */
  pack?: string;
  /** Reached from another card's links: not what the highlight itself names. */
  navigated?: boolean;
  reason: Reason;
  /** The highlighted text the card explains; the card sits next to it. */
  anchor: Range;
  /** Opened from the keyboard: move focus into the card and give it back on close. */
  focus: boolean;
}

/** A claim found on the page, where it is: the preview shows the entity's claim nearest the word. */
export interface ClaimOnPage {
  id: string;
  range: Range;
}

/** The same card for the same words, opened from the page (a link inside a card opens another). */
function isSameCard(a: CardRequest, b: CardRequest): boolean {
  return (
    !a.navigated &&
    !b.navigated &&
    a.kind === b.kind &&
    a.id === b.id &&
    a.pack === b.pack &&
    sameRange(a.anchor, b.anchor)
  );
}

export interface CardHost {
  show(request: CardRequest): Promise<void>;
  hide(): void;
  /** Keeps the card next to its text while the page scrolls; closes it once the text is out of view. */
  follow(): void;
  isOpen(): boolean;
  /** Expanded by the reader: it stays until closed, whatever the pointer does. */
  isExpanded(): boolean;
  current(): CardRequest | undefined;
  contains(target: EventTarget | null): boolean;
}

/**
 * The in-page card: a shadow root the page's CSS cannot reach, holding a dialog rendered with Preact.
 * Nothing is added to the page until the first card opens.
 */
export function createCardHost(
  ctx: ContentScriptContext,
  loadCard: (request: CardRequest) => Promise<CardData | undefined>,
  /** Saves a correction; says why when it was not saved. */
  onCorrect: (request: CardRequest, type: 'not-here' | 'never-on-site') => CorrectionRefusal | undefined,
  claimsOnPage: () => readonly ClaimOnPage[],
): CardHost {
  let shell: HTMLDivElement | undefined;
  let shadowHost: HTMLElement | undefined;
  let mounting: Promise<void> | undefined;
  let open: CardRequest | undefined;
  let returnFocus: Element | null = null;
  let sequence = 0;
  /** Every card opens as a preview; its one action shows the whole background in its place. */
  let expanded = false;
  // Made with the card: most pages never open one, and the Intl formatters cost start-up time.
  let i18n: I18n | undefined;

  const mount = async () => {
    const language = i18nFrom(browser.i18n);
    i18n = language;
    const ui = await createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
      mode: await shadowRootMode(),
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: paletteCss + statusCss + cardCss,
      onMount(container) {
        shell = document.createElement('div');
        shell.className = 'card-shell';
        // The card speaks the reader's language, whatever the page's.
        shell.lang = language.locale;
        shell.setAttribute('role', 'dialog');
        shell.setAttribute('aria-modal', 'false');
        shell.hidden = true;
        for (const type of ['click', 'keydown', 'pointerdown', 'mousedown']) {
          shell.addEventListener(type, dropUntrusted, { capture: true });
        }
        shell.addEventListener('keydown', (event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            host.hide();
          }
        });
        container.append(shell);
        return shell;
      },
      onRemove(element) {
        if (element) render(null, element);
      },
    });
    ui.mount();
    shadowHost = ui.shadowHost;
  };

  /** Beside the text, never over it: measured at the height the card wants, then limited to the space. */
  const position = () => {
    if (!shell || !open) return;
    const rect = open.anchor.getBoundingClientRect();
    shell.style.maxHeight = '';
    shell.style.width = '';
    const placement = placeCard(
      { top: rect.top, left: rect.left, width: rect.width, height: rect.height },
      { width: shell.offsetWidth, height: shell.offsetHeight },
      { width: window.innerWidth, height: window.innerHeight },
    );
    shell.style.top = `${placement.top}px`;
    shell.style.left = `${placement.left}px`;
    shell.style.width = `${placement.width}px`;
    shell.style.maxHeight = `${placement.maxHeight}px`;
    shell.dataset.side = placement.side;
  };

  /** Measured on screen, so that nearness is what the reader sees: the word and the claim's sentence. */
  const leadClaimId = (request: CardRequest, data: CardData): string | undefined => {
    if (data.kind !== 'entity' || !data.claims.length) return undefined;
    const ids = new Set(data.claims.map((claim) => claim.id));
    const mentions = claimsOnPage()
      .filter((claim) => ids.has(claim.id))
      .map((claim) => ({ id: claim.id, position: claim.range.getBoundingClientRect().top }));
    return leadClaim(data.claims, mentions, request.anchor.getBoundingClientRect().top)?.id;
  };

  const draw = (request: CardRequest, data: CardData | undefined | 'loading', refused?: CorrectionRefusal) => {
    if (!shell || !i18n) return;
    shell.dataset.variant = expanded ? 'expanded' : 'preview';
    const headingId = `backstory-card-${request.kind}-${request.id}`;
    shell.setAttribute('aria-labelledby', headingId);
    render(
      <I18nContext.Provider value={i18n}>
        {data === 'loading' || !data ? (
          <p class="card-loading" id={headingId}>
            {i18n.t(data === 'loading' ? 'cardLoading' : 'cardNotFound')}
          </p>
        ) : (
          <Card
            data={data}
            variant={expanded ? 'expanded' : 'preview'}
            onExpand={() => {
              expanded = true;
              draw(request, data);
              shell?.querySelector<HTMLElement>('h2')?.focus();
            }}
            reason={request.reason}
            leadClaimId={leadClaimId(request, data)}
            headingId={headingId}
            onClose={() => host.hide()}
            onCopy={(text) => navigator.clipboard.writeText(text)}
            onSelect={(kind, id) => void host.show({ ...request, kind, id, label: id, navigated: true, focus: true })}
            onCorrect={
              request.navigated
                ? undefined
                : (type) => {
                    const refusal = onCorrect(
                      { ...request, label: data.kind === 'entity' ? data.name : data.statement },
                      type,
                    );
                    // A refused correction keeps the card open, saying why, instead of failing silently.
                    if (refusal) draw(request, data, refusal);
                    else host.hide();
                  }
            }
            correctionRefused={refused}
          />
        )}
      </I18nContext.Provider>,
      shell,
    );
    position();
  };

  const host: CardHost = {
    async show(request) {
      // The word whose card is open, hovered or clicked again: the card stays as the reader left it
      // (expanded, its correction menu open), whatever new Range objects a repaint made for the word.
      if (open && isSameCard(open, request)) {
        if (request.focus) shell?.querySelector<HTMLElement>('h2, .card-loading')?.focus();
        return;
      }
      const mine = ++sequence;
      await (mounting ??= mount());
      if (!shell || mine !== sequence) return;
      if (request.focus && !open) returnFocus = document.activeElement;
      // Following a link inside an expanded card keeps it expanded.
      expanded = expanded && !!open && !!request.navigated;
      open = request;
      shell.hidden = false;
      draw(request, 'loading');
      const data = await loadCard(request);
      if (mine !== sequence) return;
      draw(request, data);
      if (request.focus) shell.querySelector<HTMLElement>('h2, .card-loading')?.focus();
    },
    hide() {
      if (!shell || !open) return;
      sequence++;
      open = undefined;
      shell.hidden = true;
      render(null, shell);
      if (returnFocus instanceof HTMLElement) returnFocus.focus();
      returnFocus = null;
    },
    follow() {
      if (!open) return;
      const rect = open.anchor.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) host.hide();
      else position();
    },
    isOpen: () => !!open,
    isExpanded: () => !!open && expanded,
    current: () => open,
    contains: (target) => !!shadowHost && target instanceof Node && shadowHost.contains(target),
  };
  return host;
}
