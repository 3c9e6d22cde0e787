/**
 * A comparable form of a relation name: quoting dropped, case folded.
 * Warehouses differ in both (`"DB"."SCHEMA"."T"` vs `db.schema.t`) while the
 * relation is the same.
 */
export function normalizeRelationName(relationName: string): string {
  return relationName.replace(/["`[\]]/g, '').toLowerCase();
}

export function relationKey(
  database: string,
  schema: string,
  table: string,
): string {
  return normalizeRelationName(
    [database, schema, table].filter(Boolean).join('.'),
  );
}

/** Column names may be quoted in YAML (`'"Order ID"'`); the quotes are not part of the name. */
export function unquoteColumnName(name: string): string {
  // A loop, not /^"+|"+$/g: that regex is quadratic on a long run of quotes
  // inside a name (a hostile manifest can make a column key megabytes long).
  let start = 0;
  let end = name.length;
  while (start < end && name[start] === '"') start++;
  while (end > start && name[end - 1] === '"') end--;
  return name.slice(start, end);
}
