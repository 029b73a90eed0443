import { useState } from 'preact/hooks';

export interface CiteButtonProps {
  citation: string;
  /** Copies text to the clipboard; rejects when it cannot. */
  copy: (text: string) => Promise<void>;
}

/** Copies a citation; says so, and shows the text to copy by hand when the clipboard refuses. */
export function CiteButton({ citation, copy }: CiteButtonProps) {
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
        Copy citation
      </button>
      <span class="cite-status" role="status">
        {state === 'copied' ? 'Citation copied' : state === 'failed' ? 'Copy this citation:' : ''}
      </span>
      {state === 'failed' && (
        <textarea
          class="cite-text"
          readOnly
          aria-label="Citation"
          value={citation}
          rows={3}
          ref={(el) => el?.select()}
        />
      )}
    </span>
  );
}
