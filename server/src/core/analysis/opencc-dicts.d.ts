// opencc-js exports its dictionaries one module each ('opencc-js/dict/<name>', a
// serialized "from to|from to" string) but ships no types for them.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
