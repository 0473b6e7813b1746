/**
 * How long the texts were that JSON.parse and JSON.stringify handled on this
 * thread (the app's main thread in an in-process test) while watched: a big
 * log's records must only be read and rendered on worker threads, which have
 * their own JSON.
 */
export interface MainThreadJson {
  longestParsed(): number;
  longestStringified(): number;
  /** Put the real JSON.parse and JSON.stringify back. */
  restore(): void;
}

export function watchMainThreadJson(): MainThreadJson {
  const realParse = JSON.parse;
  const realStringify = JSON.stringify;
  let parsed = 0;
  let stringified = 0;
  JSON.parse = ((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    parsed = Math.max(parsed, typeof text === 'string' ? text.length : 0);
    return realParse(text, reviver);
  }) as typeof JSON.parse;
  JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
    const text = realStringify(...args);
    stringified = Math.max(stringified, typeof text === 'string' ? text.length : 0);
    return text;
  }) as typeof JSON.stringify;
  return {
    longestParsed: () => parsed,
    longestStringified: () => stringified,
    restore: () => {
      JSON.parse = realParse;
      JSON.stringify = realStringify;
    },
  };
}
