declare module 'virtual:backstory-matcher' {
  import type { MatcherData } from '../matcher/compile';

  const data: MatcherData;
  export default data;
}
