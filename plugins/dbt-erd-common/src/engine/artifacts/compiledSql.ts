import { JsonRecord, readString } from './readers';

/**
 * The SQL dbterd's JSON target publishes as `compiled_sql`: the compiled code
 * when the node type has one, otherwise a stub select of the documented
 * columns (seeds, sources). dbterd renders the stub's schema through a
 * pydantic quirk (a method repr); the real schema name is used here instead.
 */
export function readCompiledSql(
  entry: JsonRecord,
  resourceType: string,
  columnKeys: string[],
): string | null {
  for (const key of ['compiled_code', 'compiled_sql']) {
    if (key in entry) return readString(entry, key);
  }
  if (resourceType === 'model' || resourceType === 'snapshot') return null;
  const database = readString(entry, 'database') ?? '';
  const schema = readString(entry, 'schema') ?? '';
  return `select\n            ${columnKeys.join(
    ',\n            ',
  )}\n        from ${database}.${schema}.undefined`;
}
