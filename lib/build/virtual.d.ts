declare module 'virtual:backstory-matcher' {
  import type { MatcherData } from '../matcher/compile';

  const data: MatcherData;
  export default data;
}

declare module 'virtual:backstory-archive' {
  import type { ArchiveCore } from '../archive/split';

  /** The archive browser's core: sources, passage runs, counts, where each chunk starts. */
  export const core: ArchiveCore;
  /** Absolute URL of the folder of the other parts (`<name>.json`), with a trailing slash. */
  export const partsUrl: string;
}
