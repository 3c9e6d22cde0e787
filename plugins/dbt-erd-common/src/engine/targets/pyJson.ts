/**
 * Python's `json.dumps` with its defaults (ensure_ascii, `", "` and `": "`
 * separators). dbterd writes descriptions through it, so DBML notes escape
 * non-ASCII as `\uXXXX`; byte-exact output needs the same escaping.
 */

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

export function pyJsonString(value: string): string {
  // Everything outside printable ASCII (space..~) is escaped, per UTF-16 unit,
  // which yields Python's surrogate pairs for astral characters.
  const escaped = value.replace(/["\\]|[^ -~]/g, char => {
    return (
      SHORT_ESCAPES[char] ??
      `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
  });
  return `"${escaped}"`;
}

export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pyJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    return `{${entries
      .map(([k, v]) => `${pyJsonString(k)}: ${pyJsonDumps(v)}`)
      .join(', ')}}`;
  }
  return 'null';
}
