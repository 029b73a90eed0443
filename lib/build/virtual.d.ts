declare module 'virtual:backstory-matcher' {
  const data: import('../matcher/compile').MatcherData;
  export default data;
}
