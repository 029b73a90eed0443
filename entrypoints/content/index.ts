import { defineContentScript } from '#imports';
import matcherData from 'virtual:backstory-matcher';
import { browser } from 'wxt/browser';
import type { CardData } from '../../lib/card-data';
import { type Hit, type PageScanner, createPageScanner } from '../../lib/dom/page-scanner';
import { groupOf } from '../../lib/entity-groups';
import { loadMatcher } from '../../lib/matcher/compile';
import { type CommandName, type Message, type PageReport, isMessage } from '../../lib/messages';
import { summariseClaims, summariseEntities } from '../../lib/page-report';
import { SETTINGS_KEY, type Settings, isActiveOn, parseSettings } from '../../lib/settings';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import { CARD_HOST_TAG, createCardHost } from './card-host';
import { requestFor, wireCardInteractions } from './interactions';
import { createPageStyle } from './page-style';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let settings: Settings = parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const matcher = loadMatcher(matcherData);
    let scanner: PageScanner | undefined;
    let step = -1;

    const cardCache = new Map<string, Promise<CardData | undefined>>();
    const loadCard = (kind: 'entity' | 'claim', id: string) => {
      const key = `${kind}:${id}`;
      let data = cardCache.get(key);
      if (!data) {
        const message: Message = { type: 'get-card', kind, id };
        data = browser.runtime.sendMessage(message).then((reply) => (reply as CardData | null) ?? undefined);
        cardCache.set(key, data);
      }
      return data;
    };
    const card = createCardHost(ctx, loadCard);

    const report = (): PageReport => ({
      url: location.href,
      title: document.title,
      renderer: scanner ? scanner.painter.kind : 'off',
      entities: scanner ? summariseEntities(matcher.data, scanner.findings().entities) : [],
      claims: scanner ? summariseClaims(matcher.data, scanner.findings().claims) : [],
    });
    const publish = () => {
      browser.runtime.sendMessage({ type: 'page-report', report: report() } satisfies Message).catch(() => {});
    };
    const pageStyle = createPageStyle(settings);
    const isShown = (hit: Hit) => {
      const hidden = settings.hiddenCategories;
      if (hit.kind === 'claim') return !hidden.includes('claims');
      return !hidden.includes(groupOf(matcher.data.entities[hit.finding.entity]!.type).id);
    };
    const start = () => {
      scanner ??= createPageScanner(document, matcher, {
        forceWrap: new URLSearchParams(location.search).has('backstory-fallback'),
        onScan: publish,
        ownHosts: [CARD_HOST_TAG.toUpperCase()],
        isShown,
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
      const { entities, claims } = scanner.findings();
      const hits = [
        ...entities.map((finding) => ({ kind: 'entity' as const, finding })),
        ...claims.map((finding) => ({ kind: 'claim' as const, finding })),
      ].sort((a, b) => a.finding.range.compareBoundaryPoints(Range.START_TO_START, b.finding.range));
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

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'get-page-report') return Promise.resolve(report());
      if (message.type === 'reveal') {
        return Promise.resolve(scanner?.reveal(message.kind, message.id, message.occurrence) ?? false);
      }
      if (message.type === 'command') runCommand(message.command);
      return undefined;
    });
    browser.storage.onChanged.addListener((changes) => {
      if (!changes[SETTINGS_KEY]) return;
      const previous = settings;
      settings = parseSettings(changes[SETTINGS_KEY].newValue);
      pageStyle.update(settings);
      if (!isActiveOn(settings, location.hostname)) stop();
      else if (!scanner) start();
      else if (previous.hiddenCategories.join() !== settings.hiddenCategories.join()) scanner.setShown(isShown);
    });
    wireCardInteractions(
      ctx,
      () => scanner,
      matcher,
      card,
      () => settings.hoverDelayMs,
    );
    ctx.onInvalidated(() => {
      stop();
      pageStyle.remove();
    });
    // Single-page sites swap the article without a reload: start over on the new one.
    ctx.addEventListener(window, 'wxt:locationchange', () => void scanner?.scan());

    if (isActiveOn(settings, location.hostname)) start();
    else publish();
  },
});
