/**
 * Builds the Chrome extension into another output folder, with the pack named by BACKSTORY_PACK
 * (read by wxt.config.ts): `BACKSTORY_PACK=pack.json tsx tests/bench/build-extension.ts OUT_DIR`.
 * The wxt CLI has no out-dir flag; its JS API takes `outDir`, so .output/ stays untouched.
 */
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: BACKSTORY_PACK=pack.json tsx tests/bench/build-extension.ts OUT_DIR');
  process.exit(1);
}
await build({ outDir });
