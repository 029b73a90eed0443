declare module 'virtual:backstory-matcher' {
  import type { MatcherData } from '../matcher/compile';

  export const data: MatcherData;
  /** lib/matcher/scan-tables.ts blob for `data`'s keys, base64. */
  export const scanTables: string;
  /** lib/matcher/scanner.wat compiled, base64. */
  export const scannerWasm: string;
}
