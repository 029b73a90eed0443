declare module 'virtual:backstory-matcher' {
  import type { EncodedMatcherData } from '../matcher/lazy-data';

  /** lib/matcher/lazy-data.ts chunks of the bundled pack's matcher data. */
  export const encodedData: EncodedMatcherData;
  /** lib/matcher/scan-tables.ts blob for `data`'s keys, base64. */
  export const scanTables: string;
  /** lib/matcher/scanner.wat compiled, base64. */
  export const scannerWasm: string;
}

declare module 'virtual:backstory-archive' {
  import type { ArchiveCore } from '../archive/split';

  /** The archive browser's core: sources, passage runs, counts, where each chunk starts. */
  export const core: ArchiveCore;
  /** Absolute URL of the folder of the other parts (`<name>.json`), with a trailing slash. */
  export const partsUrl: string;
}
