/**
 * The bundled pack's matcher, from the background script itself or, for a large pack, from the
 * matcher.bin file beside it (lib/tools/build/matcher-module.ts).
 */
import { bundledMatcher, scannerWasm } from 'virtual:backstory-matcher';
import { type PublicPath, browser } from 'wxt/browser';
import { type Matcher, type MatcherData, loadMatcher } from '../../lib/matcher/compile';
import { type ChunkedMatcherData, type EncodedMatcherData, decodeMatcherData } from '../../lib/matcher/lazy-data';
import { type MatcherResource, decodeMatcherResource } from '../../lib/matcher/matcher-resource';
import { type ScanTables, bytesFromBase64, deserializeScanTables } from '../../lib/scan/scan-tables';

export interface BundledMatcher {
  data: MatcherData;
  matcher: Matcher;
  /** Fold tables and the WebAssembly loop, for matchers of imported packs merged in. */
  prebuilt: ScanTables & { wasm: Uint8Array };
}

function fromParts({ data, tables }: MatcherResource<EncodedMatcherData | ChunkedMatcherData>): BundledMatcher {
  const prebuilt = { ...deserializeScanTables(tables), wasm: bytesFromBase64(scannerWasm) };
  const decoded = decodeMatcherData(data);
  return { data: decoded, matcher: loadMatcher(decoded, prebuilt), prebuilt };
}

async function fetchResource(path: string): Promise<BundledMatcher> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as PublicPath));
  if (!response.ok) throw new Error(`Backstory: ${path} could not be read (${response.status})`);
  return fromParts(decodeMatcherResource(new Uint8Array(await response.arrayBuffer())));
}

export function loadBundledMatcher(): BundledMatcher | Promise<BundledMatcher> {
  if ('resource' in bundledMatcher) return fetchResource(bundledMatcher.resource);
  const { data, tables } = bundledMatcher.inline;
  return fromParts({ data, tables: bytesFromBase64(tables) });
}
