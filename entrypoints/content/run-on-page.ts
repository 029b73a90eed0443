import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import type { CardData } from '../../lib/view/card-data';
import type { PageFindingsData } from '../../lib/export/findings';
import { type Correction, notHereCorrection } from '../../lib/preferences/corrections';
import { admitCorrection } from '../../lib/preferences/correction-limits';
import { type Hit, type PageScanner, createPageScanner } from '../../lib/dom/page-scanner';
import { categoryOf, isShown as isFindingShown } from '../../lib/preferences/shown';
import { type Matcher, loadMatcher } from '../../lib/matcher/compile';
import { type CommandName, type PageReport, type Request, onRequest, send } from '../../lib/protocol/requests';
import { activeMatcherData } from '../../lib/preferences/packs';
import {
  PAGE_BUILT_MATCHER_MARK,
  STORED_MATCHER_MARK,
  type StoredMergedMatcher,
  isCurrent,
  loadMergedMatcher,
} from '../../lib/preferences/merged-matcher';
import { summariseClaims, summariseEntities } from '../../lib/findings/page-report';
import { pageFindingsData } from '../../lib/findings/finding-data';
import { type Settings, hiddenCategories, isActiveOn } from '../../lib/preferences/settings';
import type { BundledMatcher } from './bundled-matcher';
import { CARD_HOST_TAG, type CardRequest, createCardHost } from './card-host';
import { requestFor, wireCardInteractions } from './interactions';
import { createPageStyle } from './page-style';
import { LIGHT_PAGE, pageColorsAt, sampleElement } from '../../lib/dom/highlight-style';
import { compareRangeStarts } from '../../lib/dom/range-order';
import { yieldToEventLoop } from '../../lib/dom/slicer';
import { correctionsItem, mergedMatcherItem, packMatchersItem, settingsItem } from '../shared/stored';

/**
 * Backstory on one page: reads the settings, corrections and imported packs, scans and paints the page
 * where it is active, answers the popup, opens cards, and follows every later change of the stored
 * items. `loadBundled` gives the bundled pack's matcher (built into content.js or read from matcher.bin).
 */
export async function runOnPage(
  ctx: ContentScriptContext,
  loadBundled: () => BundledMatcher | Promise<BundledMatcher>,
): Promise<void> {
  const stored = Promise.all([settingsItem.get(), correctionsItem.get(), mergedMatcherItem.get()]);
  // The bundled pack's automaton and the fold tables come prebuilt with the extension, and so, from
  // the options page, does the automaton of the bundled pack merged with imported ones. Loading the
  // matcher while the storage reads are under way takes it off the path to the first highlight.
  const bundled = loadBundled();
  const [[storedSettings, storedCorrections, storedMerged], { data: bundledData, matcher: bundledMatcher, prebuilt }] =
    await Promise.all([stored, bundled]);
  /**
   * The stored merged matcher; built here only when it is missing, was merged with another bundled
   * pack, or cannot be read (a damaged entry must not leave the page without its imported packs).
   */
  const matcherWith = async (merged: StoredMergedMatcher | undefined): Promise<Matcher> => {
    if (isCurrent(merged, bundledData)) {
      if (!merged.resource) return bundledMatcher;
      try {
        const readAt = performance.now();
        const loaded = await loadMergedMatcher(merged.resource, prebuilt, () => yieldToEventLoop(window));
        // From when the entry was read to when it is ready to scan (inflated, tables in place).
        performance.measure(STORED_MATCHER_MARK, { start: readAt });
        return loaded;
      } catch {
        // Built below from the packs' matcher data, as when there is no entry.
      }
    }
    const data = activeMatcherData(bundledData, await packMatchersItem.get());
    if (data === bundledData) return bundledMatcher;
    performance.mark(PAGE_BUILT_MATCHER_MARK);
    return loadMatcher(data, { ...prebuilt, automaton: undefined });
  };
  let settings: Settings = storedSettings;
  let corrections: Correction[] = storedCorrections;
  let matcher: Matcher = await matcherWith(storedMerged);
  let scanner: PageScanner | undefined;
  let step = -1;

  const toBackground = (message: Request) => browser.runtime.sendMessage(message);
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
      id: matcher.data.claims.claims[finding.claim]!.id,
      range: finding.range,
    }));
  const card = createCardHost(ctx, loadCard, correct, claimsOnPage);

  const report = (): PageReport => ({
    url: location.href,
    title: document.title,
    renderer: scanner ? scanner.painter.kind : 'off',
    entities: scanner ? summariseEntities(matcher.data, scanner.findings().entities) : [],
    claims: scanner ? summariseClaims(matcher.data, scanner.findings().claims) : [],
  });
  /** The page's findings for export, from the bundled pack (imported packs export from their own files). */
  const pageFindings = (): PageFindingsData | null => {
    if (!scanner) return null;
    const { text, entities, claims } = scanner.snapshot();
    return pageFindingsData(matcher.data, { url: location.href, title: document.title, text }, { entities, claims });
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
      matcher.data,
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
  const everyMention = (hit: Hit) => settings.mentions[categoryOf(matcher.data, hit.kind, hitItem(hit))] === 'all';
  const start = () => {
    scanner ??= createPageScanner(document, matcher, {
      forceWrap: new URLSearchParams(location.search).has('backstory-fallback'),
      onScan: publish,
      ownHosts: [CARD_HOST_TAG.toUpperCase()],
      isShown,
      everyMention,
    });
    void scanner.scan();
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
    void card.show(requestFor(hit, matcher, true));
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
  });
  // A change of packs stores a new merged matcher: each tab loads it (the latest, if several come quickly).
  let packChanges = 0;
  mergedMatcherItem.watch(async (merged) => {
    const change = ++packChanges;
    const next = await matcherWith(merged);
    if (change !== packChanges) return;
    matcher = next;
    cardCache.clear();
    if (scanner) {
      stop();
      start();
    }
  });
  correctionsItem.watch((next) => {
    corrections = next;
    scanner?.setShown(isShown);
  });
  settingsItem.watch((next) => {
    const previous = settings;
    settings = next;
    pageStyle?.update(settings);
    if (!isActiveOn(settings, location.hostname)) stop();
    else if (!scanner) start();
    else if (JSON.stringify(previous.mentions) !== JSON.stringify(settings.mentions)) scanner.setShown(isShown);
  });
  wireCardInteractions(
    ctx,
    () => scanner,
    () => matcher,
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
      void scanner?.scan();
    }, 0);
  });

  if (isActiveOn(settings, location.hostname)) start();
  else publish();
}
