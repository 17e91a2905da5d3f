/**
 * Remembers a pure function of a string. The same codes and names come back on thousands of rows;
 * the cache is bounded so a huge sheet cannot grow it without end.
 */
export function memo<T>(compute: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      if (cache.size >= limit) cache.clear();
      v = compute(key);
      cache.set(key, v);
    }
    return v as T;
  };
}
