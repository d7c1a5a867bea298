/**
 * A bounded cache for pure functions of a string key. A project repeats the same labels, rule sets and option
 * lists thousands of times (every table's `email` column), so generation computes each once. Emptied when full,
 * so a long-running editor process never grows without bound.
 */
export function memo<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
