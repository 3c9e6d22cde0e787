/**
 * Past this many tables the tab opens on the overview: names only, a cheap
 * grid per group instead of a real layout, no relationship lines. The real
 * layout then runs only on focused neighbourhoods, which stay small.
 */
export const OVERVIEW_THRESHOLD = 300;

export function isOverview(tableCount: number, focused: boolean): boolean {
  return !focused && tableCount > OVERVIEW_THRESHOLD;
}
