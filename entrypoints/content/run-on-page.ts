import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import type { CardData } from '../../lib/view/card-data';
import type { PageFindingsData } from '../../lib/export/findings';
import { type Correction, notHereCorrection } from '../../lib/preferences/corrections';
import { admitCorrection } from '../../lib/preferences/correction-limits';
import { type Hit, type PageScanner, createPageScanner } from '../../lib/dom/page-scanner';
import { categoryOf, isShown as isFindingShown } from '../../lib/preferences/shown';
import { type FindReply, type FindRequest, remoteFinder } from '../../lib/matcher/text-finder';
import { type CommandName, type PageReport, type Request, onRequest, send } from '../../lib/protocol/requests';
import { PAGE_BUILT_MATCHER_MARK, STORED_MATCHER_MARK } from '../../lib/preferences/merged-matcher';
import { summariseClaims, summariseEntities } from '../../lib/findings/page-report';
import { pageFindingsData } from '../../lib/findings/finding-data';
import { hiddenCategories, isActiveOn } from '../../lib/preferences/settings';
import { CARD_HOST_TAG, type CardRequest, createCardHost } from './card-host';
import { requestFor, wireCardInteractions } from './interactions';
import { createPageStyle } from './page-style';
import { LIGHT_PAGE, pageColorsAt, sampleElement } from '../../lib/dom/highlight-style';
import { compareRangeStarts } from '../../lib/dom/range-order';
import { correctionsItem } from '../shared/stored';

/**
 * Backstory on one page: gets the settings and corrections from the background worker, reads the
 * page's text and sends it there (the worker holds the matcher, bundled and imported packs), paints
 * what comes back where the extension is active, answers the popup, opens cards, and follows every
 * later change of the settings, corrections and packs, which the worker tells it of. It reads no
 * storage: the browser makes a page's storage bindings on first use, a few ms of every page load.
 */
export async function runOnPage(ctx: ContentScriptContext): Promise<void> {
  const toBackground = (message: Request) => browser.runtime.sendMessage(message);
  let { settings, corrections } = await send(toBackground, { type: 'page-settings' });
  let scanner: PageScanner | undefined;
  let step = -1;

  /** Which scan loop and which matcher answered, marked once each for automation. */
  const marked = new Set<string>();
  const markOnce = (name: string) => {
    if (!marked.has(name)) performance.mark(name);
    marked.add(name);
  };
  const sourceMarks = { stored: STORED_MATCHER_MARK, built: PAGE_BUILT_MATCHER_MARK, bundled: undefined };
  const ask = async (request: FindRequest): Promise<FindReply> => {
    const reply = await send(toBackground, { type: 'find', request });
    markOnce(`backstory:scanner:${reply.scanner}`);
    const source = sourceMarks[reply.source];
    if (source) markOnce(source);
    return reply;
  };
  let finder = remoteFinder(ask);
  const cardCache = new Map<string, Promise<CardData | undefined>>();
  const loadCard = ({ kind, id, pack }: CardRequest) => {
    const key = `${pack ?? ''}:${kind}:${id}`;
    let data = cardCache.get(key);
    if (!data) {
      data = send(toBackground, { type: 'get-card', kind, id, ...(pack ? { pack } : {}) }).then(
        (reply) => reply ?? undefined,
      );
      cardCache.set(key, data);
    }
    return data;
  };
  const correct = (request: CardRequest, type: 'not-here' | 'never-on-site') => {
    const target = {
      kind: request.kind,
      id: request.id,
      label: request.label,
      ...(request.pack ? { pack: request.pack } : {}),
    };
    const createdAt = new Date().toISOString();
    const correction: Correction =
      type === 'never-on-site'
        ? { type, target, hostname: location.hostname, createdAt }
        : notHereCorrection(target, location.href, request.anchor.toString(), createdAt);
    const admitted = admitCorrection(corrections, correction, new Date());
    if (!admitted.ok) return admitted.reason;
    void correctionsItem.set(admitted.corrections);
    return undefined;
  };
  const claimsOnPage = () =>
    (scanner?.findings().claims ?? []).map((finding) => ({
      id: finder.items.claims.claims[finding.claim]!.id,
      range: finding.range,
    }));
  const card = createCardHost(ctx, loadCard, correct, claimsOnPage);

  const report = (): PageReport => ({
    url: location.href,
    title: document.title,
    renderer: scanner ? scanner.painter.kind : 'off',
    entities: scanner ? summariseEntities(finder.items, scanner.findings().entities) : [],
    claims: scanner ? summariseClaims(finder.items, scanner.findings().claims) : [],
  });
  /** The page's findings for export, from the bundled pack (imported packs export from their own files). */
  const pageFindings = (): PageFindingsData | null => {
    if (!scanner) return null;
    const { text, entities, claims } = scanner.snapshot();
    return pageFindingsData(finder.items, { url: location.href, title: document.title, text }, { entities, claims });
  };
  const publish = () => {
    send(toBackground, { type: 'page-report', report: report() }).catch(() => {});
  };
  const pageColors = () => {
    const sample = sampleElement(document);
    return sample ? pageColorsAt(sample) : LIGHT_PAGE;
  };
  /**
   * Made when a first finding is shown: reading the page's colours (getComputedStyle up the tree) is
   * start-up work a page with nothing to show does not need, and such a page gets no sheet to see.
   */
  let pageStyle: ReturnType<typeof createPageStyle> | undefined;
  // A page that follows the reader's light or dark scheme changes its colours with it.
  const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  ctx.addEventListener(darkScheme, 'change', () => pageStyle?.update(settings));
  const page = () => ({ url: location.href, hostname: location.hostname });
  const hitItem = (hit: Hit) => (hit.kind === 'claim' ? hit.finding.claim : hit.finding.entity);
  const isShown = (hit: Hit) => {
    const shown = isFindingShown(
      finder.items,
      {
        kind: hit.kind,
        item: hitItem(hit),
        text: () => hit.finding.range.toString(),
      },
      { hiddenCategories: hiddenCategories(settings), corrections, page },
    );
    if (shown) pageStyle ??= createPageStyle(settings, pageColors);
    return shown;
  };
  const everyMention = (hit: Hit) => settings.mentions[categoryOf(finder.items, hit.kind, hitItem(hit))] === 'all';
  const start = () => {
    scanner ??= createPageScanner(document, finder, {
      forceWrap: new URLSearchParams(location.search).has('backstory-fallback'),
      onScan: publish,
      ownHosts: [CARD_HOST_TAG.toUpperCase()],
      isShown,
      everyMention,
    });
    // Without an answer from the background (the extension was updated or removed), nothing is shown.
    scanner.scan().catch(() => undefined);
  };
  const stop = () => {
    card.hide();
    scanner?.stop();
    scanner = undefined;
    publish();
  };

  /** Keyboard stepping: every highlight in page order, each opening its card with focus. */
  const stepThrough = (direction: 1 | -1) => {
    if (!scanner) return;
    const { entities, claims } = scanner.painted();
    const hits = [
      ...entities.map((finding) => ({ kind: 'entity' as const, finding })),
      ...claims.map((finding) => ({ kind: 'claim' as const, finding })),
    ].sort((a, b) => compareRangeStarts(a.finding.range, b.finding.range));
    if (!hits.length) return;
    step = (step + direction + hits.length) % hits.length;
    const hit = hits[step]!;
    hit.finding.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    void card.show(requestFor(hit, finder.items, true));
  };
  const runCommand = (command: CommandName) => {
    if (command === 'toggle-highlights') {
      if (scanner) stop();
      else start();
    } else {
      stepThrough(command === 'next-highlight' ? 1 : -1);
    }
  };

  onRequest(browser.runtime.onMessage, {
    'get-page-report': report,
    'get-page-findings': pageFindings,
    reveal: ({ kind, id, occurrence, pack }) => scanner?.reveal(kind, id, occurrence, pack) ?? false,
    command: ({ command }) => runCommand(command),
    'settings-changed': (next) => {
      const shownBefore = JSON.stringify([settings.mentions, corrections]);
      ({ settings, corrections } = next);
      pageStyle?.update(settings);
      if (!isActiveOn(settings, location.hostname)) stop();
      else if (!scanner) start();
      else if (JSON.stringify([settings.mentions, corrections]) !== shownBefore) scanner.setShown(isShown);
    },
    // Findings so far point into the old matcher: the page is read again with the new one.
    'packs-changed': () => {
      finder = remoteFinder(ask);
      cardCache.clear();
      if (scanner) {
        stop();
        start();
      }
    },
  });
  wireCardInteractions(
    ctx,
    () => scanner,
    () => finder.items,
    card,
    () => settings.hoverDelayMs,
  );
  ctx.onInvalidated(() => {
    stop();
    pageStyle?.remove();
  });
  // Single-page sites swap the article without a reload: start over on the new one. A page can dispatch
  // this event too (its name holds the extension id): only a real change of address counts. Checked
  // after a turn, since the Navigation API announces a navigation before the address changes.
  let address = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(() => {
      if (location.href === address) return;
      address = location.href;
      scanner?.scan().catch(() => undefined);
    }, 0);
  });

  if (isActiveOn(settings, location.hostname)) start();
  else publish();
}
