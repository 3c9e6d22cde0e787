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
  return name.replace(/^"+|"+$/g, '');
}
