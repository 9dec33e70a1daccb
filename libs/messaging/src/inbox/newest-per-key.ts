/**
 * Of several versions of the same thing handed to a BatchEventHandler, the one a projection
 * keeps: the highest version per key (the first of equal ones), in first-seen order of keys.
 * Applying only these gives what applying every version in turn gives when older ones change
 * nothing, and keeps one INSERT … ON CONFLICT from touching a row twice.
 */
export function newestPerKey<T>(items: readonly T[], keyOf: (item: T) => string, versionOf: (item: T) => number): T[] {
  const newest = new Map<string, T>();
  for (const item of items) {
    const known = newest.get(keyOf(item));
    if (known === undefined || versionOf(known) < versionOf(item)) newest.set(keyOf(item), item);
  }
  return [...newest.values()];
}
