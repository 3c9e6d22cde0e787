/**
 * Pretty JSON laid out the way Prettier lays out JSON (80 columns), so the
 * committed demo artifacts pass the repository's `prettier --check .`
 * without this package depending on Prettier: objects one key per line,
 * arrays on one line when they fit and hold no non-empty object.
 */
export function formatJson(value: unknown): string {
  return `${print(value, '', 0, 0)}\n`;
}

const PRINT_WIDTH = 80;

function print(
  value: unknown,
  indent: string,
  head: number,
  tail: number,
): string {
  if (Array.isArray(value)) return printArray(value, indent, head, tail);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([key, entry], i) => {
      const prefix = `${inner}${JSON.stringify(key)}: `;
      const comma = i < entries.length - 1 ? 1 : 0;
      return prefix + print(entry, inner, prefix.length, comma);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function printArray(
  items: unknown[],
  indent: string,
  head: number,
  tail: number,
): string {
  if (items.length === 0) return '[]';
  if (!mustBreak(items)) {
    const flat = flatten(items);
    if (head + flat.length + tail <= PRINT_WIDTH) return flat;
  }
  const inner = `${indent}  `;
  const lines = items.map(
    (item, i) =>
      inner + print(item, inner, inner.length, i < items.length - 1 ? 1 : 0),
  );
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

/**
 * Prettier breaks an array that holds a non-empty object (objects keep
 * their line breaks) and one whose 2+ items are all arrays of 2+ items.
 */
function mustBreak(items: unknown[]): boolean {
  if (
    items.length > 1 &&
    items.every(item => Array.isArray(item) && item.length > 1)
  ) {
    return true;
  }
  return items.some(item => hasNonEmptyObject(item));
}

function hasNonEmptyObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNonEmptyObject);
  return (
    value !== null && typeof value === 'object' && Object.keys(value).length > 0
  );
}

function flatten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flatten).join(', ')}]`;
  if (value !== null && typeof value === 'object') return '{}';
  return JSON.stringify(value);
}
