const MAX_SHOWN = 3;

/** The columns a search term names (each word of the term, ignoring case), for the result's subtitle. */
export function matchedColumns(columns: string[], term: string): string[] {
  const words = term
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(word => word.length > 0);
  if (words.length === 0) return [];
  return columns
    .filter(column => {
      const name = column.toLocaleLowerCase();
      return words.some(word => name.includes(word));
    })
    .slice(0, MAX_SHOWN);
}
