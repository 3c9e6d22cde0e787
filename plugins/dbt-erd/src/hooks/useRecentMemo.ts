import { useRef } from 'react';

interface Entry<T> {
  deps: readonly unknown[];
  value: T;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((d, i) => Object.is(d, b[i]));

/**
 * useMemo that remembers its last `size` results by their inputs instead
 * of only the last one. The diagram goes back and forth between the whole
 * project and a focused neighbourhood: with both remembered, going back
 * to the whole project reuses its sizes, layout and React Flow elements
 * (linear in the project, seconds at 10,000 tables) instead of redoing
 * them. Like useMemo, a cache only: `factory` must be pure (and cheap when
 * it returns undefined, which is not remembered).
 */
export function useRecentMemo<T>(
  factory: () => T,
  deps: readonly unknown[],
  size = 2,
): T {
  const recent = useRef<Entry<T>[]>([]);
  const hit = recent.current.find(e => sameDeps(e.deps, deps));
  // Most recently used first, so the whole project, used between every two
  // focuses, is never the one dropped.
  const entry = hit ?? { deps, value: factory() };
  // Nothing computed (a step waiting for its input, such as a layout still
  // in the worker) is not remembered: it would push out the whole project.
  if (entry.value === undefined) return entry.value;
  recent.current = [entry, ...recent.current.filter(e => e !== entry)].slice(
    0,
    size,
  );
  return entry.value;
}
