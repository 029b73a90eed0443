import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import packJson from '../../assets/knowledge.json';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { FindingList } from '../../components/FindingList';
import { SearchResults } from '../../components/SearchResults';
import { Switch } from '../../components/Switch';
import { cardData } from '../../lib/card-data';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { type Message, type PageReport, isMessage } from '../../lib/messages';
import { type SearchResult, createSearch } from '../../lib/search';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type Settings,
  isActiveOn,
  parseSettings,
  toggleSite,
} from '../../lib/settings';

const pack = packJson as KnowledgePack;

interface Selection {
  kind: 'entity' | 'claim';
  id: string;
  /** Which occurrence on the page was last shown, when the item is on the page. */
  occurrence: number;
}

/** The tab the popup reports on: the active tab, or `?tabId=` when opened as a page (tests, tools). */
async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : undefined;
}

async function requestReport(tabId: number): Promise<PageReport | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'get-page-report' } satisfies Message)) as PageReport;
  } catch {
    return undefined;
  }
}

export function App() {
  const [tab, setTab] = useState<{ id: number; url: string }>();
  const [report, setReport] = useState<PageReport | null>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>();
  const search = useMemo(() => createSearch(pack), []);
  const results = useMemo(() => search.search(query), [search, query]);

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.sync.get(SETTINGS_KEY);
      setSettings(parseSettings(stored[SETTINGS_KEY]));
      const found = await targetTab();
      setTab(found);
      setReport(found ? ((await requestReport(found.id)) ?? null) : null);
    })();
  }, []);

  useEffect(() => {
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (isMessage(message) && message.type === 'page-report' && sender.tab?.id === tab?.id) setReport(message.report);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tab]);

  // Without the tabs permission the tab's URL is hidden; the content script's report knows it.
  const hostname = safeHostname(tab?.url || report?.url || '');
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.sync.set({ [SETTINGS_KEY]: next });
  };
  const countOnPage = (kind: Selection['kind'], id: string) =>
    (kind === 'entity' ? report?.entities : report?.claims)?.find((item) => item.id === id)?.count ?? 0;
  const reveal = (kind: Selection['kind'], id: string, occurrence: number) => {
    if (tab && countOnPage(kind, id) > 0) {
      void browser.tabs.sendMessage(tab.id, { type: 'reveal', kind, id, occurrence } satisfies Message);
    }
  };
  const select = (kind: Selection['kind'], id: string) => {
    setSelection({ kind, id, occurrence: 0 });
    reveal(kind, id, 0);
  };
  const step = (direction: 1 | -1) => {
    if (!selection) return;
    const total = countOnPage(selection.kind, selection.id);
    const occurrence = (selection.occurrence + direction + total) % total;
    setSelection({ ...selection, occurrence });
    reveal(selection.kind, selection.id, occurrence);
  };
  const openResult = (result: SearchResult) => {
    if (result.kind === 'passage') {
      const entity = pack.entities.find((e) => e.passages.includes(Number(result.id)));
      const claim = pack.claims.find((c) => c.evidence.some((e) => e.passage === Number(result.id)));
      if (claim) select('claim', claim.id);
      else if (entity) select('entity', entity.id);
      return;
    }
    select(result.kind, result.id);
  };

  const details = selection && cardData(pack, selection.kind, selection.id);
  const onPage = selection ? countOnPage(selection.kind, selection.id) : 0;

  return (
    <main class="popup">
      <header>
        <h1>Backstory</h1>
        <div class="controls">
          {hostname && (
            <Switch
              label={`On ${hostname}`}
              checked={!settings.disabledSites.includes(hostname)}
              onChange={() => save(toggleSite(settings, hostname))}
            />
          )}
          <Switch
            label="Everywhere"
            checked={settings.enabled}
            onChange={(enabled) => save({ ...settings, enabled })}
          />
        </div>
        <input
          class="search"
          type="search"
          placeholder="Search the archive: people, claims, quotes…"
          aria-label="Search the archive"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setSelection(undefined);
          }}
        />
      </header>
      {details ? (
        <section class="details" aria-label="Details">
          <nav class="details-nav">
            <button type="button" onClick={() => setSelection(undefined)}>
              ← Back
            </button>
            {onPage > 0 && (
              <span class="occurrences">
                <button type="button" aria-label="Previous occurrence" onClick={() => step(-1)}>
                  ‹
                </button>
                <span aria-live="polite">
                  {selection.occurrence + 1} of {onPage} on this page
                </span>
                <button type="button" aria-label="Next occurrence" onClick={() => step(1)}>
                  ›
                </button>
              </span>
            )}
          </nav>
          <Card data={details} headingId="details-heading" onSelect={select} />
        </section>
      ) : query.trim().length >= 2 ? (
        <SearchResults query={query} results={results} onSelect={openResult} />
      ) : report === undefined ? (
        <p class="loading">Reading this page…</p>
      ) : report === null ? (
        <EmptyState reason="unavailable" />
      ) : !isActiveOn(settings, hostname) ? (
        <EmptyState reason="off" />
      ) : report.entities.length + report.claims.length === 0 ? (
        <EmptyState reason="nothing-found" />
      ) : (
        <FindingList entities={report.entities} claims={report.claims} onReveal={select} />
      )}
    </main>
  );
}

function safeHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
