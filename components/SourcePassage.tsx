import type { ComponentChildren } from 'preact';
import type { Source } from '../lib/knowledge/types';
import { useI18n } from './i18n';

export interface SourcePassageProps {
  source: Pick<Source, 'publisher' | 'reworded'>;
  children: ComponentChildren;
}

/**
 * A passage as the archive holds it: a quotation of its source, or, where the archive's copy is
 * reworded, the copy's words under a label saying so, never set as a quotation of the publisher.
 */
export function SourcePassage({ source, children }: SourcePassageProps) {
  const i18n = useI18n();
  if (!source.reworded) return <blockquote>{children}</blockquote>;
  return (
    <div class="passage-reworded">
      <p class="reworded-note">{i18n.t('rewordedCopy', source.publisher)}</p>
      <div class="reworded-text">{children}</div>
    </div>
  );
}
