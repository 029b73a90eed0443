/**
 * lib/scan/scanner.wat → WebAssembly bytes, with wabt, at build time (and in tests). The .wat is
 * the source we keep; no binary is committed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

export const SCANNER_WAT = fileURLToPath(new URL('../../scan/scanner.wat', import.meta.url));

export async function compileScannerWasm(): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('scanner.wat', readFileSync(SCANNER_WAT, 'utf8'));
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
