declare module 'virtual:backstory-matcher' {
  import type { EncodedMatcherData } from '../../matcher/lazy-data';

  /**
   * The bundled pack's matcher: inline (lib/matcher/lazy-data.ts chunks and the lib/scan/scan-tables.ts
   * blob in base64), or the path of a lib/matcher/matcher-resource.ts file in the extension.
   */
  export const bundledMatcher: { inline: { data: EncodedMatcherData; tables: string } } | { resource: string };
  /** lib/scan/scanner.wat compiled, base64. */
  export const scannerWasm: string;
}

declare module 'virtual:backstory-archive' {
  import type { ArchiveCore } from '../../archive/split';

  /** The archive browser's core: sources, passage runs, counts, where each chunk starts. */
  export const core: ArchiveCore;
  /** Absolute URL of the folder of the other parts (`<name>.json`), with a trailing slash. */
  export const partsUrl: string;
}

interface ImportMetaEnv {
  /** True in the store packages (`npm run zip`): what only tests use is left out of them. */
  readonly BACKSTORY_STORE: boolean;
}
