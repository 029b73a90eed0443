/** Saves text as a file through a temporary object URL: the popup's exports and the options' backups. */
export function downloadText(doc: Document, name: string, text: string, type: string): void {
  const win = doc.defaultView!;
  const url = win.URL.createObjectURL(new win.Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked a moment later: the browser reads the blob after click() returns.
  win.setTimeout(() => win.URL.revokeObjectURL(url), 1000);
}
