import type { InstalledPack } from '../lib/packs';
import { Switch } from './Switch';

export interface PackListProps {
  builtIn: { name: string; version: string; entities: number; claims: number };
  packs: readonly InstalledPack[];
  errors: readonly string[];
  onImport: (file: File) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: (id: string) => void;
}

/** The bundled pack and imported ones, with import errors shown field by field. */
export function PackList({ builtIn, packs, errors, onImport, onToggle, onRemove, onExport }: PackListProps) {
  return (
    <div class="packs">
      <ul class="pack-list">
        <li>
          <span>
            <strong>{builtIn.name}</strong> (bundled) · {builtIn.entities} entities, {builtIn.claims} claims · version{' '}
            {builtIn.version}
          </span>
        </li>
        {packs.map(({ id, enabled, pack }) => (
          <li key={id} data-pack={id}>
            <span>
              <strong>{pack.name}</strong> · {pack.entities.length} entities, {pack.claims.length} claims · version{' '}
              {pack.version}
            </span>
            <span class="pack-actions">
              <Switch label="Active" checked={enabled} onChange={(on) => onToggle(id, on)} />
              <button type="button" onClick={() => onExport(id)}>
                Export
              </button>
              <button type="button" onClick={() => onRemove(id)} aria-label={`Remove ${pack.name}`}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      <label class="file-button">
        Import a knowledge pack (.json)…
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onImport(file);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {errors.length > 0 && (
        <div class="import-errors" role="alert">
          <p>The pack was not imported; your current packs are unchanged. Problems found:</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>
                <code>{error}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
