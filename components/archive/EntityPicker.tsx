import { useRef, useState } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { ENTITY_NAMES } from '../../lib/archive/split';
import { ENTITY_TYPE_MESSAGES } from '../../lib/view/entity-groups';
import { useI18n } from '../i18n';
import { Loading } from './Loading';
import { useParts } from './useParts';

export interface EntityPickerProps {
  archive: ArchiveIndex;
  label: string;
  onPick: (entityId: string) => void;
}

const SUGGESTIONS = 8;

/**
 * Type part of a name, pick from the matching entities (buttons: Tab or ↓ reaches them, Enter in the
 * box takes the first). Suggestions come from a scan of folded names, so 20,000 entities stay quick.
 */
export function EntityPicker({ archive, label, onPick }: EntityPickerProps) {
  const i18n = useI18n();
  const [text, setText] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  // The names load when the reader first types here.
  const names = useParts(archive, text.trim() ? [ENTITY_NAMES] : []);
  const matches = text.trim() && names === 'ready' ? archive.findEntities(text, SUGGESTIONS) : [];
  const pick = (id: string) => {
    setText('');
    onPick(id);
  };
  return (
    <div class="entity-picker">
      <label class="filter">
        <span>{label}</span>
        <input
          type="search"
          value={text}
          placeholder={i18n.t('pickerPlaceholder')}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches[0]) {
              event.preventDefault();
              pick(matches[0].id);
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              listRef.current?.querySelector('button')?.focus();
            }
          }}
        />
      </label>
      {text.trim() && (
        <div class="suggestions">
          {names !== 'ready' ? (
            <Loading state={names} />
          ) : matches.length ? (
            <ul ref={listRef} aria-label={i18n.t('matchingEntities')}>
              {matches.map((entity) => (
                <li key={entity.id}>
                  <button
                    type="button"
                    onClick={() => pick(entity.id)}
                    onKeyDown={(event) => {
                      const item = event.currentTarget.parentElement;
                      const next =
                        event.key === 'ArrowDown'
                          ? item?.nextElementSibling
                          : event.key === 'ArrowUp'
                            ? item?.previousElementSibling
                            : null;
                      if (next) {
                        event.preventDefault();
                        next.querySelector('button')?.focus();
                      }
                    }}
                  >
                    {entity.name} <span class="entry-type">{i18n.t(ENTITY_TYPE_MESSAGES[entity.type])}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty-state" role="status">
              {i18n.t('pickerNoMatch', text.trim())}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
