/** The listed fields whose values differ, split into their base and head values. */
export function fieldChanges<T extends object, K extends keyof T>(
  base: T,
  head: T,
  fields: readonly K[],
): { from: Partial<Pick<T, K>>; to: Partial<Pick<T, K>> } | undefined {
  const from: Partial<Pick<T, K>> = {};
  const to: Partial<Pick<T, K>> = {};
  let changed = false;
  for (const field of fields) {
    if (base[field] === head[field]) continue;
    from[field] = base[field];
    to[field] = head[field];
    changed = true;
  }
  return changed ? { from, to } : undefined;
}

/** Sorts by UTF-16 code units, the same on every platform and locale. */
export function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Keys only head has and keys only base has, each sorted. */
export function addedAndRemoved(
  base: ReadonlyMap<string, unknown>,
  head: ReadonlyMap<string, unknown>,
): { added: string[]; removed: string[] } {
  const onlyIn = (
    a: ReadonlyMap<string, unknown>,
    b: ReadonlyMap<string, unknown>,
  ) => [...a.keys()].filter(key => !b.has(key)).sort(byCodeUnits);
  return { added: onlyIn(head, base), removed: onlyIn(base, head) };
}
