/**
 * `virtual:backstory-matcher` in the unit tests (vitest.config.ts aliases it here): the bundled pack's
 * matcher inline, as lib/tools/build/matcher-module.ts makes it for the build.
 */
import { readFileSync } from 'node:fs';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { matcherDataFromPack } from '../../lib/matcher/compile';
import { matcherParts } from '../../lib/tools/build/matcher-module';
import { compileScannerWasm } from '../../lib/tools/build/scanner-wasm';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

const pack = JSON.parse(readFileSync('assets/knowledge.json', 'utf8')) as KnowledgePack;
const { data, tables } = matcherParts(matcherDataFromPack(pack));

export const bundledMatcher = { inline: { data, tables: base64(tables) } };
export const scannerWasm = base64(await compileScannerWasm());
