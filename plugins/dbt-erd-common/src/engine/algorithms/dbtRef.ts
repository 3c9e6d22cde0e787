/**
 * dbt `ref(...)` / `source(...)` expressions as they appear unrendered in
 * test kwargs (`to: "ref('orders')"`) and contract constraints, and how they
 * name manifest nodes.
 */
export type DbtReference =
  | {
      kind: 'ref';
      package: string | null;
      name: string;
      version: string | null;
    }
  | { kind: 'source'; source: string; table: string };

// A quoted argument, as two alternatives rather than `(['"])(.*?)\1`: the
// lazy group with a backreference retries every later quote, which is
// quadratic (minutes) on a long hostile kwarg such as `ref("ref("ref("...`.
const ARG = `(?:'([^']*)'|"([^"]*)")`;
// Groups: 1|2 first argument, 3|4 second argument, 5 version.
const REF = new RegExp(
  `\\bref\\(\\s*${ARG}\\s*(?:,\\s*${ARG}\\s*)?(?:,\\s*(?:v|version)\\s*=\\s*['"]?([^'")\\s]+)['"]?\\s*)?\\)`,
);
const SOURCE = new RegExp(`\\bsource\\(\\s*${ARG}\\s*,\\s*${ARG}\\s*\\)`);

/** The first ref()/source() in `expression`, e.g. inside `{{ get_where_subquery(ref('x')) }}`. */
export function parseDbtReference(expression: string): DbtReference | null {
  const ref = REF.exec(expression);
  if (ref) {
    const first = ref[1] ?? ref[2];
    const second = ref[3] ?? ref[4];
    return {
      kind: 'ref',
      package: second !== undefined ? first : null,
      name: second !== undefined ? second : first,
      version: ref[5] ?? null,
    };
  }
  const source = SOURCE.exec(expression);
  if (source) {
    return {
      kind: 'source',
      source: source[1] ?? source[2],
      table: source[3] ?? source[4],
    };
  }
  return null;
}

const REF_TYPES = ['model', 'seed', 'snapshot'];

/** Does `uniqueId` (e.g. `model.pkg.orders.v2`) name what `reference` points at? */
export function referenceMatches(
  reference: DbtReference,
  uniqueId: string,
): boolean {
  const parts = uniqueId.toLowerCase().split('.');
  if (reference.kind === 'source') {
    return (
      parts[0] === 'source' &&
      parts[2] === reference.source.toLowerCase() &&
      parts.slice(3).join('.') === reference.table.toLowerCase()
    );
  }
  if (
    !REF_TYPES.includes(parts[0]) ||
    parts[2] !== reference.name.toLowerCase()
  )
    return false;
  if (
    reference.package !== null &&
    parts[1] !== reference.package.toLowerCase()
  )
    return false;
  const idVersion = parts.length > 3 ? parts[3].replace(/^v/, '') : null;
  return (
    reference.version === null || idVersion === reference.version.toLowerCase()
  );
}

/** The node among `candidates` that `expression` refers to, if exactly determinable. */
export function resolveReference(
  expression: string,
  candidates: string[],
): string | null {
  const reference = parseDbtReference(expression);
  if (!reference) return null;
  const matches = candidates.filter(id => referenceMatches(reference, id));
  return matches.length > 0 ? matches[0] : null;
}
