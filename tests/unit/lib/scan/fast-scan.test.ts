import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScannerWasm } from '../../../../lib/tools/build/scanner-wasm';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import {
  type Automaton,
  type OnMatches,
  buildAutomaton,
  scanText,
  scanTextBatches,
} from '../../../../lib/scan/automaton';
import { matcherDataFromPack } from '../../../../lib/matcher/compile';
import { createWasmScan } from '../../../../lib/scan/fast-scan';
import { deserializeScanTables, serializeScanTables } from '../../../../lib/scan/scan-tables';
import { computeFoldTables } from '../../../../lib/text/fold';

type Hit = [pattern: number, start: number, end: number];

let wasm: Uint8Array;
const fold = computeFoldTables();
beforeAll(async () => {
  wasm = await compileScannerWasm();
});

/** Collects batched matches one triple each. */
function into(hits: Hit[]): OnMatches {
  return (matches, count) => {
    for (let k = 0; k < count * 3; k += 3) hits.push([matches[k]!, matches[k + 1]!, matches[k + 2]!]);
  };
}

/** The JS loop's matches, the same batched, and the WebAssembly loop's (which must agree). */
function both(automaton: Automaton, text: string, from?: number, to?: number): { js: Hit[]; wasm: Hit[] } {
  const js: Hit[] = [];
  scanText(automaton, text, (...hit) => js.push(hit), from, to);
  const batched: Hit[] = [];
  scanTextBatches(automaton, text, into(batched), from, to);
  expect(batched).toEqual(js);
  const fast: Hit[] = [];
  const scan = createWasmScan(wasm, automaton, fold);
  if (!scan) throw new Error('WebAssembly unavailable in Node?');
  scan(text, into(fast), from, to);
  return { js, wasm: fast };
}

const pack = JSON.parse(readFileSync('assets/knowledge.json', 'utf8')) as KnowledgePack;
const realKeys = matcherDataFromPack(pack).keys;

/** A deterministic pseudo-random generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('WebAssembly scan', () => {
  it('reports exactly what scanText reports on text naming the pack entities in many spellings', () => {
    const automaton = buildAutomaton(realKeys);
    const text =
      'Nicolás Maduro met  MS-13\u00a0leaders; NICOLAS maduro’s aides\u2029Petro and Petrobras, ' +
      'the Cártel de los Soles, Hegseth — Tren de Aragua.\n\tKelly 😀 Maduro\ud800 Sinaloa\ufeffcartel ＭＳ-１３';
    const { js, wasm: fast } = both(automaton, text);
    expect(js.length).toBeGreaterThan(8);
    expect(fast).toEqual(js);
  });

  it('agrees with scanText on random text mixing keys, separators and non-Latin characters', () => {
    const automaton = buildAutomaton(realKeys);
    const next = random(7);
    const pieces = [
      ...realKeys.slice(0, 400),
      ' ',
      '  ',
      '-',
      '\u2029',
      'é',
      'Ω',
      'ß',
      '中文',
      '😀',
      'İ',
      '\u3000',
      'x',
    ];
    for (let round = 0; round < 30; round++) {
      let text = '';
      while (text.length < 3000) {
        const piece = pieces[Math.floor(next() * pieces.length)]!;
        text += next() < 0.3 ? piece.toUpperCase() : piece;
      }
      const { js, wasm: fast } = both(automaton, text);
      expect(fast).toEqual(js);
    }
  });

  it('keeps offsets of a slice in the whole text (from/to)', () => {
    const automaton = buildAutomaton(['maduro', 'petro']);
    const text = 'Señor Petro — ¡Maduro! Petro';
    const { js, wasm: fast } = both(automaton, text, 6, 22);
    expect(js).toEqual([
      [1, 6, 11],
      [0, 15, 21],
    ]);
    expect(fast).toEqual(js);
  });

  it('drains a full output buffer and resumes without losing or splitting matches', () => {
    const automaton = buildAutomaton(['a', 'a a', 'a a a']);
    const text = 'a '.repeat(20_000);
    const { js, wasm: fast } = both(automaton, text);
    expect(js.length).toBeGreaterThan(50_000);
    expect(fast).toEqual(js);
  });

  it('runs from a serialized blob as it does from the built automaton', () => {
    const automaton = buildAutomaton(realKeys);
    const blob = serializeScanTables({ automaton, fold });
    const copy = new Uint8Array(blob.length);
    copy.set(blob);
    const tables = deserializeScanTables(copy);
    expect(tables.fold.high).toEqual(fold.high);
    const text = 'Maduro and the Cartel de los Soles; Gustavo Petro';
    const fromBlob: Hit[] = [];
    createWasmScan(wasm, tables.automaton, tables.fold)!(text, into(fromBlob));
    expect(fromBlob).toEqual(both(automaton, text).js);
    expect(fromBlob.length).toBeGreaterThan(2);
  });

  it('gives undefined, so the caller keeps scanText, when the bytes are not a module', () => {
    expect(createWasmScan(new Uint8Array([0, 1, 2, 3]), buildAutomaton(['x']), fold)).toBeUndefined();
  });
});
