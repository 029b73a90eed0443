/**
 * Aho–Corasick automaton over folded text, stored in flat typed arrays so it can be built once
 * (at build time or start-up) and handed around without rebuilding.
 */
import { BREAK, SPACE, foldCode } from '../text/fold';

export interface Automaton {
  /** Index into `edgeChar`/`edgeNext` where each state's sorted edges start; length states + 1. */
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  edgeNext: Uint32Array;
  fail: Uint32Array;
  /** Pattern that ends exactly at this state, or -1. */
  output: Int32Array;
  /** Nearest state on the fail chain (excluding this one) with an output, or -1. */
  dictLink: Int32Array;
  /** Length in folded code units of each pattern. */
  patternLength: Uint16Array;
}

/** Builds the automaton for folded keys (see foldKey); pattern i is keys[i]. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const children: Map<number, number>[] = [new Map()];
  const output: number[] = [-1];
  keys.forEach((key, pattern) => {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let next = children[state]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        output.push(-1);
        children[state]!.set(code, next);
      }
      state = next;
    }
    if (output[state] === -1) output[state] = pattern;
  });

  const stateCount = children.length;
  const fail = new Uint32Array(stateCount);
  const dictLink = new Int32Array(stateCount).fill(-1);
  const order: number[] = [0];
  for (let head = 0; head < order.length; head++) {
    const state = order[head]!;
    for (const [code, next] of children[state]!) {
      order.push(next);
      if (state === 0) continue;
      let candidate = fail[state]!;
      while (candidate !== 0 && !children[candidate]!.has(code)) candidate = fail[candidate]!;
      const target = children[candidate]!.get(code);
      fail[next] = target !== undefined && target !== next ? target : 0;
      const failState = fail[next]!;
      dictLink[next] = output[failState]! >= 0 ? failState : dictLink[failState]!;
    }
  }

  const edgeStart = new Uint32Array(stateCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[s]!.size;
  }
  edgeStart[stateCount] = edgeCount;
  const edgeChar = new Uint16Array(edgeCount);
  const edgeNext = new Uint32Array(edgeCount);
  for (let s = 0; s < stateCount; s++) {
    const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
    let at = edgeStart[s]!;
    for (const [code, next] of sorted) {
      edgeChar[at] = code;
      edgeNext[at++] = next;
    }
  }
  return {
    edgeStart,
    edgeChar,
    edgeNext,
    fail,
    output: Int32Array.from(output),
    dictLink,
    patternLength: Uint16Array.from(keys, (key) => key.length),
  };
}

function step(a: Automaton, rootNext: Int32Array, state: number, code: number): number {
  for (;;) {
    if (state === 0) return code < rootNext.length ? Math.max(rootNext[code]!, 0) : findEdge(a, 0, code);
    const next = findEdge(a, state, code);
    if (next > 0) return next;
    state = a.fail[state]!;
  }
}

function findEdge(a: Automaton, state: number, code: number): number {
  let lo = a.edgeStart[state]!;
  let hi = a.edgeStart[state + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = a.edgeChar[mid]!;
    if (c === code) return a.edgeNext[mid]!;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Root transitions as a dense table for the common case (ASCII and Latin). */
function rootTable(a: Automaton): Int32Array {
  const table = new Int32Array(0x250).fill(-1);
  for (let e = a.edgeStart[0]!; e < a.edgeStart[1]!; e++) {
    const code = a.edgeChar[e]!;
    if (code < table.length) table[code] = a.edgeNext[e]!;
  }
  return table;
}

const rootTables = new WeakMap<Automaton, Int32Array>();

/**
 * Scans original text, folding on the fly, and calls `onMatch(pattern, start, end)` with offsets in
 * the original text for every pattern occurrence (overlapping ones included).
 */
export function scanText(
  a: Automaton,
  text: string,
  onMatch: (pattern: number, start: number, end: number) => void,
  from = 0,
  to = text.length,
): void {
  let rootNext = rootTables.get(a);
  if (!rootNext) {
    rootNext = rootTable(a);
    rootTables.set(a, rootNext);
  }
  // Ring buffer of the original index of each folded code unit fed to the automaton, so that a
  // match's start maps back to the original text after separator runs were collapsed.
  let ringSize = 1;
  for (const length of a.patternLength) while (ringSize <= length) ringSize <<= 1;
  const ring = new Uint32Array(ringSize);
  const mask = ringSize - 1;
  let fed = 0;
  let state = 0;
  let lastWasSpace = true;
  for (let i = from; i < to; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = code === BREAK;
      if (code === BREAK) {
        state = 0;
        continue;
      }
    }
    ring[fed & mask] = i;
    fed++;
    state = step(a, rootNext, state, code);
    if (state === 0) continue;
    let hit = a.output[state]! >= 0 ? state : a.dictLink[state]!;
    while (hit >= 0) {
      const pattern = a.output[hit]!;
      const length = a.patternLength[pattern]!;
      onMatch(pattern, ring[(fed - length) & mask]!, i + 1);
      hit = a.dictLink[hit]!;
    }
  }
}
