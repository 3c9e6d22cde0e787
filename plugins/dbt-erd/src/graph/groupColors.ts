/**
 * Tableau 10: ten hues that stay apart for most forms of colour blindness
 * and read on light and dark backgrounds. Groups beyond ten share hues.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** One colour per group (in the groups' order), shared by tables, areas, legend and minimap. */
export function groupColors(
  groupNames: readonly string[],
): Map<string, string> {
  return new Map(
    groupNames.map((name, i) => [name, PALETTE[i % PALETTE.length]]),
  );
}
