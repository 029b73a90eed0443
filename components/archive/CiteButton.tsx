import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export interface CiteButtonProps {
  citation: string;
  /** Copies text to the clipboard; rejects when it cannot. */
  copy: (text: string) => Promise<void>;
}

/** Copies a citation; says so, and shows the text to copy by hand when the clipboard refuses. */
export function CiteButton({ citation, copy }: CiteButtonProps) {
  const i18n = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span class="cite">
      <button
        type="button"
        class="cite-button"
        onClick={() => {
          copy(citation).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {i18n.t('copyCitation')}
      </button>
      <span class="cite-status" role="status">
        {state === 'copied' ? i18n.t('citationCopied') : state === 'failed' ? i18n.t('copyThisCitation') : ''}
      </span>
      {state === 'failed' && (
        <textarea
          class="cite-text"
          readOnly
          aria-label={i18n.t('citation')}
          value={citation}
          rows={3}
          ref={(el) => el?.select()}
        />
      )}
    </span>
  );
}
