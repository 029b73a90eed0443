/** A button that picks a JSON file; the same file can be picked again straight after. */
export function JsonFileButton({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  return (
    <label class="file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}
