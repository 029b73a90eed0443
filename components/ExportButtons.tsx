import type { MessageKey } from '../lib/view/i18n';
import { useI18n } from './i18n';

export type ExportFormat = 'jsonld' | 'markdown' | 'csv';

const LABELS: Record<ExportFormat, MessageKey> = {
  jsonld: 'exportJsonld',
  markdown: 'exportMarkdown',
  csv: 'exportCsv',
};

export interface ExportButtonsProps {
  onExport: (format: ExportFormat) => void;
  message?: string;
}

/** Take this page's findings elsewhere, in open formats. */
export function ExportButtons({ onExport, message }: ExportButtonsProps) {
  const i18n = useI18n();
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">{i18n.t('exportHeading')}</h2>
      <div class="export-buttons">
        {(Object.keys(LABELS) as ExportFormat[]).map((format) => (
          <button key={format} type="button" data-format={format} onClick={() => onExport(format)}>
            {i18n.t(LABELS[format])}
          </button>
        ))}
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
