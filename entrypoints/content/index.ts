import './highlights.css';
import { defineContentScript } from '#imports';
import matcherData from 'virtual:backstory-matcher';
import { browser } from 'wxt/browser';
import { type PageScanner, createPageScanner } from '../../lib/dom/page-scanner';
import { loadMatcher } from '../../lib/matcher/compile';
import { type Message, type PageReport, isMessage } from '../../lib/messages';
import { summariseClaims, summariseEntities } from '../../lib/page-report';
import { SETTINGS_KEY, isActiveOn, parseSettings } from '../../lib/settings';
import { NEWS_SITE_MATCHES } from '../../lib/sites';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    const settings = parseSettings(stored[SETTINGS_KEY]);
    const matcher = loadMatcher(matcherData);
    let scanner: PageScanner | undefined;

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
    const start = () => {
      scanner ??= createPageScanner(document, matcher, {
        forceWrap: new URLSearchParams(location.search).has('backstory-fallback'),
        onScan: publish,
      });
      void scanner.scan();
    };
    const stop = () => {
      scanner?.stop();
      scanner = undefined;
      publish();
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'get-page-report') return Promise.resolve(report());
      if (message.type === 'reveal') {
        return Promise.resolve(scanner?.reveal(message.kind, message.id, message.occurrence) ?? false);
      }
      return undefined;
    });
    browser.storage.onChanged.addListener((changes) => {
      if (!changes[SETTINGS_KEY]) return;
      if (isActiveOn(parseSettings(changes[SETTINGS_KEY].newValue), location.hostname)) start();
      else stop();
    });
    ctx.onInvalidated(() => scanner?.stop());
    // Single-page sites swap the article without a reload: start over on the new one.
    ctx.addEventListener(window, 'wxt:locationchange', () => void scanner?.scan());

    if (isActiveOn(settings, location.hostname)) start();
    else publish();
  },
});
