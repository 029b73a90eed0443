/**
 * scanText through the WebAssembly loop of lib/scan/scanner.wat. The text goes in as UTF-8
 * (TextEncoder.encodeInto, native) and matches come back in UTF-16 offsets, exactly as scanText
 * reports them, in batches read straight from the module's output buffer. Returns undefined where
 * WebAssembly is missing or forbidden (a page's CSP does not apply to content scripts, but an
 * embedder's may): the caller keeps scanTextBatches.
 */
import type { FoldTables } from '../text/fold';
import { type Automaton, type OnMatches, derivedTables } from './automaton';

export type ScanFn = (text: string, onMatches: OnMatches, from?: number, to?: number) => void;

interface ScannerExports {
  memory: WebAssembly.Memory;
  init(...pointers: number[]): void;
  begin(pos: number, unit: number): void;
  position(): number;
  scan(end: number, out: number, capacity: number): number;
}

const PAGE = 65536;
const align8 = (n: number) => (n + 7) & ~7;

const modules = new WeakMap<object, WebAssembly.Module>();

function compile(wasm: Uint8Array): WebAssembly.Module | undefined {
  if (typeof WebAssembly === 'undefined') return undefined;
  let module = modules.get(wasm);
  if (!module) {
    try {
      module = new WebAssembly.Module(wasm as BufferSource);
    } catch {
      return undefined;
    }
    modules.set(wasm, module);
  }
  return module;
}

export function createWasmScan(wasm: Uint8Array, automaton: Automaton, fold: FoldTables): ScanFn | undefined {
  const module = compile(wasm);
  if (!module) return undefined;
  const exports = new WebAssembly.Instance(module, {}).exports as unknown as ScannerExports;
  const { memory } = exports;
  const { rootNext, ringSize } = derivedTables(automaton);

  // Layout: the tables, the ring, the output buffer, then the input (grown on demand).
  const arrays = [
    fold.low,
    fold.high,
    rootNext,
    automaton.edgeStart,
    automaton.edgeChar,
    automaton.edgeNext,
    automaton.fail,
    automaton.output,
    automaton.dictLink,
    automaton.patternLength,
  ];
  const pointers: number[] = [];
  let top = 8;
  for (const array of arrays) {
    pointers.push(top);
    top = align8(top + array.byteLength);
  }
  const ring = top;
  top = align8(ring + ringSize * 4);
  const capacity = Math.max(4096, ringSize * 4);
  const out = top;
  const input = align8(out + capacity * 12);

  const ensure = (bytes: number) => {
    const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
    if (missing > 0) memory.grow(missing);
  };
  ensure(input);
  const heap = new Uint8Array(memory.buffer);
  arrays.forEach((array, i) => heap.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), pointers[i]));
  const [foldLow, foldHigh, ...rest] = pointers as [number, number, ...number[]];
  exports.init(foldLow, foldHigh, fold.high.length, ...rest, ring, ringSize - 1);

  const encoder = new TextEncoder();
  return (text, onMatches, from = 0, to = text.length) => {
    if (to <= from) return;
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    ensure(input + part.length * 3);
    const { written } = encoder.encodeInto(part, new Uint8Array(memory.buffer, input, part.length * 3));
    const end = input + written;
    const matches = new Int32Array(memory.buffer, out, capacity * 3);
    exports.begin(input, from);
    for (;;) {
      const count = exports.scan(end, out, capacity);
      if (count) onMatches(matches, count);
      if (exports.position() >= end) return;
    }
  };
}
