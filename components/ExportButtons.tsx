export type ExportFormat = 'jsonld' | 'markdown' | 'csv';

const LABELS: Record<ExportFormat, string> = {
  jsonld: 'Web Annotations (JSON-LD)',
  markdown: 'Markdown brief',
  csv: 'CSV',
};

export interface ExportButtonsProps {
  onExport: (format: ExportFormat) => void;
  message?: string;
}

/** Take this page's findings elsewhere, in open formats. */
export function ExportButtons({ onExport, message }: ExportButtonsProps) {
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export this page's findings</h2>
      <div class="export-buttons">
        {(Object.keys(LABELS) as ExportFormat[]).map((format) => (
          <button key={format} type="button" data-format={format} onClick={() => onExport(format)}>
            {LABELS[format]}
          </button>
        ))}
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
