import { JsonRecord, readString } from './readers';
import { IndexedModelSql } from './types';

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

/**
 * The SQL of a model or snapshot as the `inferred` algorithm reads it: the
 * compiled code when there is some, else the raw code (ref()/source() are
 * resolved by the algorithm, which knows the nodes).
 */
export function readModelSql(
  entry: JsonRecord,
  resourceType: string,
): IndexedModelSql | null {
  if (resourceType !== 'model' && resourceType !== 'snapshot') return null;
  for (const key of ['compiled_code', 'compiled_sql']) {
    const code = readString(entry, key);
    if (code) return { code, compiled: true };
  }
  for (const key of ['raw_code', 'raw_sql']) {
    const code = readString(entry, key);
    if (code) return { code, compiled: false };
  }
  return null;
}
