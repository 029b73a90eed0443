/**
 * Aho–Corasick automaton over folded text, stored in flat typed arrays so it can be built once
 * (at build time or start-up) and handed around without rebuilding.
 */
import { BREAK, FOLD_CACHE, SPACE, foldCode } from '../text/fold';

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

/** Per-automaton tables the scanners derive once: dense root transitions and the ring size. */
export interface DerivedTables {
  /** Root transitions for the common case (ASCII and Latin); -1 where there is none. */
  rootNext: Int32Array;
  /** A power of two above the longest pattern. */
  ringSize: number;
}

const derived = new WeakMap<Automaton, DerivedTables>();

export function derivedTables(a: Automaton): DerivedTables {
  let tables = derived.get(a);
  if (tables) return tables;
  const rootNext = new Int32Array(0x250).fill(-1);
  for (let e = a.edgeStart[0]!; e < a.edgeStart[1]!; e++) {
    const code = a.edgeChar[e]!;
    if (code < rootNext.length) rootNext[code] = a.edgeNext[e]!;
  }
  // Math.max over slices runs natively: a script loop over 100,000+ lengths costs a cold page ~7 ms.
  let longest = 0;
  for (let i = 0; i < a.patternLength.length; i += 8192) {
    longest = Math.max(longest, Math.max.apply(null, a.patternLength.subarray(i, i + 8192) as unknown as number[]));
  }
  let ringSize = 1;
  while (ringSize <= longest) ringSize <<= 1;
  tables = { rootNext, ringSize };
  derived.set(a, tables);
  return tables;
}

/**
 * Scans original text, folding on the fly, and calls `onMatch(pattern, start, end)` with offsets in
 * the original text for every pattern occurrence (overlapping ones included).
 *
 * This is the hot loop of every page scan: folding reads a cache, root transitions a dense table,
 * and characters that leave the automaton at its root cost nothing more.
 */
export function scanText(
  a: Automaton,
  text: string,
  onMatch: (pattern: number, start: number, end: number) => void,
  from = 0,
  to = text.length,
): void {
  const { rootNext, ringSize } = derivedTables(a);
  const { edgeStart, edgeChar, edgeNext, fail, output, dictLink, patternLength } = a;
  const rootSize = rootNext.length;
  const fold = FOLD_CACHE;
  // Original index of each code unit fed while inside the automaton, so that a match's start maps
  // back to the original text after separator runs were collapsed.
  const ring = new Uint32Array(ringSize);
  const mask = ringSize - 1;
  let fed = 0;
  let state = 0;
  let lastWasSpace = true;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x3000) {
      const folded = fold[code]!;
      code = folded !== 0 ? folded : foldCode(code);
    } else {
      code = foldCode(code);
    }
    if (code === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else if (code === BREAK) {
      lastWasSpace = true;
      state = 0;
      continue;
    } else {
      lastWasSpace = false;
    }
    let next = -1;
    for (;;) {
      if (state === 0) {
        next = code < rootSize ? rootNext[code]! : findEdge(a, 0, code) || -1;
        break;
      }
      let lo = edgeStart[state]!;
      let hi = edgeStart[state + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = edgeChar[mid]!;
        if (c === code) {
          next = edgeNext[mid]!;
          break;
        }
        if (c < code) lo = mid + 1;
        else hi = mid - 1;
      }
      if (next > 0) break;
      state = fail[state]!;
    }
    // A code unit that leads nowhere from the root cannot be part of any match: nothing to record.
    if (next <= 0) {
      state = 0;
      continue;
    }
    state = next;
    ring[fed & mask] = i;
    fed++;
    let hit = output[state]! >= 0 ? state : dictLink[state]!;
    while (hit >= 0) {
      const pattern = output[hit]!;
      onMatch(pattern, ring[(fed - patternLength[pattern]!) & mask]!, i + 1);
      hit = dictLink[hit]!;
    }
  }
}

/**
 * `count` matches as (pattern, start, end) triples at the start of `matches`; the array is reused,
 * so it is read during the call only.
 */
export type OnMatches = (matches: Int32Array, count: number) => void;

/** Matches handed over per batch (the WebAssembly loop hands over its output buffer the same way). */
const BATCH = 512;

/** scanText with its matches handed over in batches, as the WebAssembly loop reports them. */
export function scanTextBatches(a: Automaton, text: string, onMatches: OnMatches, from = 0, to = text.length): void {
  const batch = new Int32Array(BATCH * 3);
  let count = 0;
  scanText(
    a,
    text,
    (pattern, start, end) => {
      batch[count * 3] = pattern;
      batch[count * 3 + 1] = start;
      batch[count * 3 + 2] = end;
      if (++count === BATCH) {
        onMatches(batch, count);
        count = 0;
      }
    },
    from,
    to,
  );
  if (count) onMatches(batch, count);
}
