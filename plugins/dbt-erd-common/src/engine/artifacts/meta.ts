import { FieldPath, JsonRecord, isRecord, readRecord } from './readers';

/**
 * A node's meta. dbt writes it both at the top level and under `config`
 * (newer dbt and dbt Fusion favour `config.meta`), so both are read; the
 * top-level value wins, as that is the one dbterd reads.
 */
export function readMeta(entry: JsonRecord, at: FieldPath): JsonRecord {
  const config = readRecord(entry, 'config', at);
  const configMeta = isRecord(config.meta) ? config.meta : {};
  const meta = isRecord(entry.meta) ? entry.meta : {};
  return { ...configMeta, ...meta };
}
