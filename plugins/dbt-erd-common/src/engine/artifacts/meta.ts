import { FieldPath, JsonRecord, isRecord, readRecord } from './readers';

const EMPTY: JsonRecord = Object.freeze({});

function hasOwnKeys(record: JsonRecord): boolean {
  for (const key in record) {
    if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  }
  return false;
}

/**
 * A node's meta. dbt writes it both at the top level and under `config`
 * (newer dbt and dbt Fusion favour `config.meta`), so both are read; the
 * top-level value wins, as that is the one dbterd reads.
 */
export function readMeta(entry: JsonRecord, at: FieldPath): JsonRecord {
  const config = readRecord(entry, 'config', at);
  const configMeta = isRecord(config.meta) ? config.meta : EMPTY;
  const meta = isRecord(entry.meta) ? entry.meta : EMPTY;
  // Read for every column of every node, and mostly empty: merge only when both say something.
  if (!hasOwnKeys(configMeta)) return meta;
  if (!hasOwnKeys(meta)) return configMeta;
  return { ...configMeta, ...meta };
}
