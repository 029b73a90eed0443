import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import packJson from '../../assets/knowledge.json';
import { AlwaysRunControl } from '../../components/AlwaysRunControl';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { type ExportFormat, ExportButtons } from '../../components/ExportButtons';
import { FindingList } from '../../components/FindingList';
import { useI18n } from '../../components/i18n';
import { SearchResults } from '../../components/SearchResults';
import { Switch } from '../../components/Switch';
import { cardData } from '../../lib/view/card-data';
import { HIGHLIGHT_CSS_FILE } from '../../lib/dom/highlight-style';
import { toCsv } from '../../lib/export/csv';
import { downloadText } from '../../lib/dom/download';
import { toMarkdown } from '../../lib/export/markdown';
import { toWebAnnotations } from '../../lib/export/web-annotation';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { type PageReport, type Transport, onRequest, send } from '../../lib/protocol/requests';
import { BUILT_IN_PACK } from '../../lib/preferences/packs';
import { countFindings, countReport, describeCount } from '../../lib/findings/page-report';
import {
  type Selection,
  type SelectionAction,
  type SelectionTarget,
  resultTarget,
  selectionReducer,
} from '../../lib/popup/selection';
import { type SearchResult, createSearch } from '../../lib/knowledge/search';
import { siteAccess, sitePattern } from '../../lib/preferences/always-sites';
import { DEFAULT_SETTINGS, type Settings, isActiveOn, toggleSite } from '../../lib/preferences/settings';
import { packsItem, settingsItem } from '../shared/stored';

const builtIn = packJson as KnowledgePack;
/** Where the content script runs by itself, as this build's manifest says (the store build has no local pages). */
const builtInMatches = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? [];

/** The tab the popup reports on: the active tab, or `?tabId=` when opened as a page (tests, tools). */
async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : undefined;
}

const toTab =
  (tabId: number): Transport =>
  (message) =>
    browser.tabs.sendMessage(tabId, message);

async function requestReport(tabId: number): Promise<PageReport | undefined> {
  try {
    return await send(toTab(tabId), { type: 'get-page-report' });
  } catch {
    return undefined;
  }
}

export function App() {
  const i18n = useI18n();
  const [tab, setTab] = useState<{ id: number; url: string }>();
  const [report, setReport] = useState<PageReport | null>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>();
  const [packs, setPacks] = useState<{ id: string; pack: KnowledgePack }[]>([{ id: BUILT_IN_PACK, pack: builtIn }]);
  const [grantedOrigins, setGrantedOrigins] = useState<string[]>([]);
  // Search is built on first use: opening the popup should not wait for an index it may not need.
  const searching = query.trim().length >= 2;
  const searches = useMemo(
    () => (searching ? packs.map(({ id, pack }) => ({ id, search: createSearch(pack) })) : []),
    [packs, searching],
  );
  const results = useMemo(
    () =>
      searches
        .flatMap(({ id, search }) => search.search(query).map((r) => ({ ...r, pack: id })))
        .sort((a, b) => a.score - b.score)
        .slice(0, 30),
    [searches, query],
  );
  const packFor = (id: string | undefined) => packs.find((p) => p.id === (id ?? BUILT_IN_PACK))?.pack;

  useEffect(() => {
    void (async () => {
      void browser.permissions.getAll().then(({ origins }) => setGrantedOrigins(origins ?? []));
      setSettings(await settingsItem.get());
      const installed = (await packsItem.get()).filter((p) => p.enabled);
      if (installed.length) setPacks((current) => [...current, ...installed.map(({ id, pack }) => ({ id, pack }))]);
      const found = await targetTab();
      setTab(found);
      setReport(found ? ((await requestReport(found.id)) ?? null) : null);
    })();
  }, []);

  useEffect(() => {
    return onRequest(browser.runtime.onMessage, {
      'page-report': (request, sender) => {
        if (sender.tab?.id === tab?.id) setReport(request.report);
      },
    });
  }, [tab]);

  // Without the tabs permission the tab's URL is hidden; the content script's report knows it.
  const pageUrl = tab?.url || report?.url || '';
  const hostname = safeHostname(pageUrl);
  const [saveError, setSaveError] = useState('');
  const save = (next: Settings) => {
    const previous = settings;
    setSettings(next);
    settingsItem.set(next).then(
      () => setSaveError(''),
      (error: unknown) => {
        setSettings(previous);
        setSaveError(i18n.t('settingsNotSaved', String(error)));
      },
    );
  };
  const countOnPage = ({ kind, id, pack }: SelectionTarget) =>
    (kind === 'entity' ? report?.entities : report?.claims)?.find((item) => item.id === id && item.pack === pack)
      ?.count ?? 0;
  /** Applies a selection change, and shows the selected mention on the page when it is there. */
  const update = (action: SelectionAction) => {
    const next = selectionReducer(selection, action);
    setSelection(next);
    if (!tab || !next || action.type === 'clear' || countOnPage(next) === 0) return;
    const { kind, id, pack, occurrence } = next;
    void send(toTab(tab.id), { type: 'reveal', kind, id, occurrence, ...(pack ? { pack } : {}) });
  };
  const select = (kind: SelectionTarget['kind'], id: string, pack?: string) =>
    update({ type: 'select', target: { kind, id, ...(pack ? { pack } : {}) } });
  const step = (direction: 1 | -1) => selection && update({ type: 'step', direction, total: countOnPage(selection) });
  const openResult = (result: SearchResult) => {
    const pack = result.pack === BUILT_IN_PACK ? undefined : result.pack;
    const target = resultTarget(result, packFor(pack), pack);
    if (target) update({ type: 'select', target });
  };

  const [exportMessage, setExportMessage] = useState('');
  /** On a site outside the automatic list: run the content script once, with the access activeTab gives. */
  const runHere = async (tabId: number) => {
    try {
      await browser.scripting.insertCSS({ target: { tabId }, files: [`/${HIGHLIGHT_CSS_FILE}`] });
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    } catch {
      return; // Browser pages and the stores refuse scripts: the empty state already says so.
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      const found = await requestReport(tabId);
      if (found) return setReport(found);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /**
   * "Always run on this site": the browser asks the person for this one site (only from a click, hence
   * no await before it); the background worker registers the content script when it is granted.
   */
  const alwaysRunHere = (origin: string) => {
    void browser.permissions.request({ origins: [origin] }).then(async (granted) => {
      if (!granted) return;
      setGrantedOrigins((current) => [...current, origin]);
      if (tab && report === null) await runHere(tab.id);
    });
  };
  const exportFindings = async (format: ExportFormat) => {
    if (!tab) return;
    const findings = await send(toTab(tab.id), { type: 'get-page-findings' });
    if (!findings) return;
    const host = safeHostname(findings.url) || 'page';
    const [text, type, extension] =
      format === 'jsonld'
        ? [JSON.stringify(toWebAnnotations(findings, builtIn), null, 2), 'application/ld+json', 'jsonld']
        : format === 'markdown'
          ? [toMarkdown(findings, builtIn), 'text/markdown', 'md']
          : [toCsv(findings, builtIn), 'text/csv', 'csv'];
    const name = `backstory-${host}.${extension}`;
    downloadText(document, name, text, type);
    setExportMessage(i18n.t('exportSaved', describeCount(i18n, countFindings(findings)), name));
  };

  const selectedPack = selection && packFor(selection.pack);
  const details = selection && selectedPack && cardData(selectedPack, selection.kind, selection.id);
  const onPage = selection ? countOnPage(selection) : 0;

  return (
    <main class="popup">
      <header>
        <h1>{i18n.t('extName')}</h1>
        <div class="controls">
          {hostname && (
            <Switch
              label={i18n.t('onSite', hostname)}
              checked={!settings.disabledSites.includes(hostname)}
              onChange={() => save(toggleSite(settings, hostname))}
            />
          )}
          <Switch
            label={i18n.t('everywhere')}
            checked={settings.enabled}
            onChange={(enabled) => save({ ...settings, enabled })}
          />
          <AlwaysRunControl
            access={siteAccess(pageUrl, grantedOrigins, builtInMatches)}
            hostname={hostname}
            onAlways={() => {
              const origin = sitePattern(pageUrl);
              if (origin) alwaysRunHere(origin);
            }}
          />
        </div>
        <input
          class="search"
          type="search"
          placeholder={i18n.t('popupSearchPlaceholder')}
          aria-label={i18n.t('searchArchive')}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            update({ type: 'clear' });
          }}
        />
        {saveError && <p role="alert">{saveError}</p>}
      </header>
      {details ? (
        <section class="details" aria-label={i18n.t('details')}>
          <nav class="details-nav">
            <button type="button" onClick={() => update({ type: 'clear' })}>
              {i18n.t('back')}
            </button>
            {onPage > 0 && (
              <span class="occurrences">
                <button type="button" aria-label={i18n.t('previousOccurrence')} onClick={() => step(-1)}>
                  ‹
                </button>
                <span aria-live="polite">
                  {i18n.t('occurrenceOf', i18n.number(selection.occurrence + 1), i18n.number(onPage))}
                </span>
                <button type="button" aria-label={i18n.t('nextOccurrence')} onClick={() => step(1)}>
                  ›
                </button>
              </span>
            )}
          </nav>
          <Card
            data={details}
            headingId="details-heading"
            onSelect={(kind, id) => select(kind, id, selection.pack)}
            onCopy={(text) => navigator.clipboard.writeText(text)}
          />
        </section>
      ) : query.trim().length >= 2 ? (
        <SearchResults query={query} results={results} onSelect={openResult} />
      ) : report === undefined ? (
        <p class="loading">{i18n.t('readingPage')}</p>
      ) : report === null ? (
        <EmptyState reason="unavailable" onRunHere={tab ? () => void runHere(tab.id) : undefined} />
      ) : !isActiveOn(settings, hostname) ? (
        <EmptyState reason="off" />
      ) : report.entities.length + report.claims.length === 0 ? (
        <EmptyState reason="nothing-found" />
      ) : (
        <>
          <p class="page-count">{describeCount(i18n, countReport(report))}</p>
          <FindingList entities={report.entities} claims={report.claims} onReveal={select} />
          <ExportButtons onExport={(format) => void exportFindings(format)} message={exportMessage} />
        </>
      )}
      <footer class="popup-footer">
        <a href={browser.runtime.getURL('/archive.html')} target="_blank" rel="noopener">
          {i18n.t('browseArchive')}
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {i18n.t('settings')}
        </a>
      </footer>
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
