import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import packJson from '../../assets/knowledge.json';
import { AlwaysSiteList } from '../../components/AlwaysSiteList';
import { CorrectionList } from '../../components/CorrectionList';
import { useI18n } from '../../components/i18n';
import { JsonFileButton } from '../../components/JsonFileButton';
import { PackList } from '../../components/PackList';
import { type Shortcut, SettingsForm } from '../../components/SettingsForm';
import { type Correction, removeCorrection } from '../../lib/preferences/corrections';
import { downloadText } from '../../lib/dom/download';
import type { KnowledgePack } from '../../lib/knowledge/types';
import type { ImportFailure, InstalledPack, PackStorageResult } from '../../lib/preferences/packs';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/preferences/settings';
import { exportSettingsFile, importSettingsFile } from '../../lib/preferences/settings-file';
import { correctionsItem, packsItem, savePackStorage, settingsItem } from '../shared/stored';
import { createPackWorker } from './pack-client';
import { useAlwaysSites } from './use-always-sites';

const builtIn = packJson as KnowledgePack;
/** Checks imports and makes what a change of packs stores, off this page's main thread. */
const packWorker = createPackWorker(builtIn);

const downloadJson = (name: string, text: string) => downloadText(document, name, text, 'application/json');

export function Options() {
  const i18n = useI18n();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [packs, setPacks] = useState<InstalledPack[]>([]);
  const [packErrors, setPackErrors] = useState<Omit<ImportFailure, 'ok'>>({ errors: [] });
  const [packWork, setPackWork] = useState('');
  const [settingsError, setSettingsError] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [settingsMessage, setSettingsMessage] = useState('');
  const always = useAlwaysSites();

  useEffect(() => {
    void settingsItem.get().then(setSettings);
    void packsItem.get().then(setPacks);
    void correctionsItem.get().then(setCorrections);
    void browser.commands
      .getAll()
      .then((commands) =>
        setShortcuts(
          commands
            .filter((c) => c.description)
            .map((c) => ({ description: c.description ?? '', keys: c.shortcut ?? '' })),
        ),
      );
    return correctionsItem.watch(setCorrections);
  }, []);

  const save = (next: Settings) => {
    const previous = settings;
    setSettings(next);
    settingsItem.set(next).then(
      () => setSettingsError(''),
      (error: unknown) => {
        setSettings(previous);
        setSettingsError(i18n.t('settingsNotSaved', String(error)));
      },
    );
  };
  /** Pack work in the worker, with the page saying so meanwhile; a failure of the worker is shown. */
  const working = async (message: string, work: () => Promise<void>): Promise<void> => {
    setPackWork(message);
    try {
      await work();
    } catch (error) {
      setPackErrors({ errors: [i18n.t('packNotSaved', String(error))] });
    } finally {
      setPackWork('');
    }
  };
  /** Writes a new list of packs, computed and measured first; on any failure the list stays as it was. */
  const writePacks = async (next: InstalledPack[], change: PackStorageResult): Promise<void> => {
    if (!change.ok) {
      setPackErrors(change);
      return;
    }
    const previous = packs;
    setPacks(next);
    // Cleared now, not once written: the write of a large pack's matcher outlasts the next import's errors.
    setPackErrors({ errors: [] });
    try {
      await savePackStorage(change.entries);
    } catch (error) {
      setPacks(previous);
      setPackErrors({ errors: [i18n.t('packNotSaved', String(error))] });
    }
  };
  const savePacks = (next: InstalledPack[]) =>
    working(i18n.t('packsSaving'), async () => writePacks(next, await packWorker.prepare(next)));
  const saveCorrections = (next: Correction[]) => {
    setCorrections(next);
    void correctionsItem.set(next);
  };
  const importPackFile = (file: File) =>
    working(i18n.t('packImporting', file.name), async () => {
      const { result, storage } = await packWorker.importFile(packs, file.name, await file.text(), new Date());
      if (!result.ok) {
        setPackErrors(result);
        return;
      }
      const old = result.replaces?.pack;
      if (old && !window.confirm(i18n.t('confirmReplacePack', old.name, old.version, result.pack.pack.version))) return;
      if (storage) await writePacks(result.packs, storage);
    });
  /** Writes the parts the file has (a part it leaves out stays as it is), then reads them back. */
  const importSettings = async (file: File) => {
    const result = importSettingsFile(await file.text());
    if (!result.ok) {
      setSettingsMessage(i18n.t('settingsNotImported', file.name, result.error));
      return;
    }
    const [previousSettings, previousCorrections] = [settings, corrections];
    try {
      if (result.settings) await settingsItem.set(result.settings);
      if (result.corrections) await correctionsItem.set(result.corrections);
      const [stored, storedCorrections] = await Promise.all([settingsItem.get(), correctionsItem.get()]);
      if (
        (result.settings && JSON.stringify(stored) !== JSON.stringify(result.settings)) ||
        (result.corrections && JSON.stringify(storedCorrections) !== JSON.stringify(result.corrections))
      ) {
        throw new Error('what was stored differs from the file');
      }
      setSettings(stored);
      setCorrections(storedCorrections);
    } catch (error) {
      // All or nothing: put back what was there before.
      await Promise.allSettled([settingsItem.set(previousSettings), correctionsItem.set(previousCorrections)]);
      setSettingsMessage(i18n.t('settingsNotImported', file.name, String(error)));
      return;
    }
    setSettingsMessage(
      !result.corrections
        ? i18n.t('settingsImportedKeepCorrections', file.name)
        : !result.settings
          ? i18n.plural('correctionsImported', result.corrections.length, file.name)
          : i18n.plural('settingsImported', result.corrections.length, file.name),
    );
  };
  // Chromium lets people change extension shortcuts on its own page; other browsers have their own.
  const editShortcuts = navigator.userAgent.includes('Chrome')
    ? () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })
    : undefined;

  return (
    <main class="options">
      <h1>{i18n.t('optionsTitle')}</h1>
      <SettingsForm
        settings={settings}
        shortcuts={shortcuts}
        onPreview={setSettings}
        onChange={save}
        onEditShortcuts={editShortcuts}
      />
      {settingsError && <p role="alert">{settingsError}</p>}
      <AlwaysSiteList sites={always.sites} onRemove={always.remove} />
      <section class="settings">
        <h2>{i18n.t('packsHeading')}</h2>
        <PackList
          builtIn={{
            name: builtIn.name,
            version: builtIn.version,
            entities: builtIn.entities.length,
            claims: builtIn.claims.length,
          }}
          packs={packs}
          errors={packErrors.errors}
          moreErrors={packErrors.more ?? 0}
          working={packWork}
          onImport={(file) => void importPackFile(file)}
          onToggle={(id, enabled) => void savePacks(packs.map((p) => (p.id === id ? { ...p, enabled } : p)))}
          onRemove={(id) => void savePacks(packs.filter((p) => p.id !== id))}
          onExport={(id) => {
            const pack = packs.find((p) => p.id === id);
            if (pack) downloadJson(`${id}.json`, JSON.stringify(pack.pack, null, 1) + '\n');
          }}
        />
      </section>
      <section class="settings">
        <h2>{i18n.t('correctionsHeading')}</h2>
        <CorrectionList corrections={corrections} onUndo={(c) => saveCorrections(removeCorrection(corrections, c))} />
      </section>
      <section class="settings">
        <h2>{i18n.t('backupHeading')}</h2>
        <p class="note">{i18n.t('backupNote')}</p>
        <div class="file-actions">
          <button
            type="button"
            onClick={() => downloadJson('backstory-settings.json', exportSettingsFile(settings, corrections))}
          >
            {i18n.t('exportSettings')}
          </button>
          <JsonFileButton label={i18n.t('importSettings')} onFile={(file) => void importSettings(file)} />
        </div>
        {settingsMessage && <p role="status">{settingsMessage}</p>}
      </section>
    </main>
  );
}
