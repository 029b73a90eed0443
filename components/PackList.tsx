import type { InstalledPack } from '../lib/preferences/packs';
import { useI18n } from './i18n';
import { JsonFileButton } from './JsonFileButton';
import { Switch } from './Switch';

export interface PackListProps {
  builtIn: { name: string; version: string; entities: number; claims: number };
  packs: readonly InstalledPack[];
  /** The first problems of a failed import, and how many more there are. */
  errors: readonly string[];
  moreErrors: number;
  /** What is under way (an import, a change being saved), if anything: the controls wait for it. */
  working?: string;
  onImport: (file: File) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: (id: string) => void;
}

/** The bundled pack and imported ones, with import errors shown field by field. */
export function PackList({
  builtIn,
  packs,
  errors,
  moreErrors,
  working = '',
  onImport,
  onToggle,
  onRemove,
  onExport,
}: PackListProps) {
  const i18n = useI18n();
  const summary = (entities: number, claims: number, version: string) =>
    ` · ${i18n.plural('entityCount', entities)}, ${i18n.plural('claimCount', claims)} · ${i18n.t('packVersion', version)}`;
  return (
    <div class="packs" aria-busy={working ? 'true' : 'false'}>
      {/* One change at a time: a second would be made from the list as it was before the first. */}
      <fieldset class="pack-controls" disabled={!!working}>
        <ul class="pack-list">
          <li>
            <span>
              <strong>{builtIn.name}</strong> {i18n.t('packBundled')}
              {summary(builtIn.entities, builtIn.claims, builtIn.version)}
            </span>
          </li>
          {packs.map(({ id, enabled, pack }) => (
            <li key={id} data-pack={id}>
              <span>
                <strong>{pack.name}</strong>
                {summary(pack.entities.length, pack.claims.length, pack.version)}
              </span>
              <span class="pack-actions">
                <Switch label={i18n.t('packActive')} checked={enabled} onChange={(on) => onToggle(id, on)} />
                <button type="button" onClick={() => onExport(id)}>
                  {i18n.t('exportPack')}
                </button>
                <button type="button" onClick={() => onRemove(id)} aria-label={i18n.t('removePackNamed', pack.name)}>
                  {i18n.t('removePack')}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <JsonFileButton label={i18n.t('importPack')} onFile={onImport} />
      </fieldset>
      {working && (
        <p class="pack-working" role="status">
          {working}
        </p>
      )}
      {errors.length > 0 && (
        <div class="import-errors" role="alert">
          <p>{i18n.t('packImportFailed')}</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>
                <code>{error}</code>
              </li>
            ))}
          </ul>
          {moreErrors > 0 && <p>{i18n.plural('morePackErrors', moreErrors, i18n.number(moreErrors))}</p>}
        </div>
      )}
    </div>
  );
}
