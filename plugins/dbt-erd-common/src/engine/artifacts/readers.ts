import { ErdInputError } from '../errors';

/**
 * Small typed readers over parsed JSON. They accept null wherever dbt (and
 * dbt Fusion in particular) may write null, and throw ErdInputError naming
 * the file and field when a value has a shape dbt never writes.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a value sits, for error messages: `manifest.json: nodes.model.x`. */
export interface FieldPath {
  readonly file: string;
  readonly path: string;
}

/**
 * Paths are built for every column of every node but read only when one is
 * malformed, so the text is joined on demand: on a large manifest the eager
 * strings were a good share of all the garbage the readers made.
 */
class ChildPath implements FieldPath {
  constructor(
    private readonly parent: FieldPath,
    private readonly key: string,
  ) {}

  get file(): string {
    return this.parent.file;
  }

  get path(): string {
    const parentPath = this.parent.path;
    return parentPath ? `${parentPath}.${this.key}` : this.key;
  }
}

export function childPath(at: FieldPath, key: string): FieldPath {
  return new ChildPath(at, key);
}

function shapeError(at: FieldPath, expected: string): ErdInputError {
  return new ErdInputError(
    `${at.file}: ${at.path} must be ${expected}; ` +
      `pass the ${at.file} written by dbt, unmodified`,
  );
}

/** An optional object: missing or null gives an empty object. */
export function readRecord(
  parent: JsonRecord,
  key: string,
  at: FieldPath,
): JsonRecord {
  const value = parent[key];
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw shapeError(childPath(at, key), 'an object');
  return value;
}

/** A required object. */
export function requireRecord(
  parent: JsonRecord,
  key: string,
  at: FieldPath,
): JsonRecord {
  const value = parent[key];
  if (value === undefined || value === null) {
    const field = childPath(at, key);
    throw new ErdInputError(
      `${field.file}: ${field.path} is missing; ` +
        `pass the ${field.file} written by dbt, unmodified`,
    );
  }
  return readRecord(parent, key, at);
}

/** A value that must be an object, e.g. one entry of `nodes`. */
export function asRecord(value: unknown, at: FieldPath): JsonRecord {
  if (!isRecord(value)) throw shapeError(at, 'an object');
  return value;
}

/** An optional string; numbers are stringified, other shapes are ignored. */
export function readString(parent: JsonRecord, key: string): string | null {
  const value = parent[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return null;
}

/** An optional list of strings; null gives an empty list. */
export function readStringList(
  parent: JsonRecord,
  key: string,
  at: FieldPath,
): string[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw shapeError(childPath(at, key), 'a list');
  return value.filter((item): item is string => typeof item === 'string');
}

/** An optional list of objects; entries of another shape are an error. */
export function readRecordList(
  parent: JsonRecord,
  key: string,
  at: FieldPath,
): JsonRecord[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  const field = childPath(at, key);
  if (!Array.isArray(value)) throw shapeError(field, 'a list');
  return value.map((item, i) => asRecord(item, childPath(field, String(i))));
}

/** `depends_on.nodes` of a manifest entry. */
export function readDependsOn(entry: JsonRecord, at: FieldPath): string[] {
  const dependsOn = readRecord(entry, 'depends_on', at);
  return readStringList(dependsOn, 'nodes', childPath(at, 'depends_on'));
}

/** A `Record<string, string>` inside meta; non-string values are dropped. */
export function readStringMap(
  parent: JsonRecord,
  key: string,
): Record<string, string> {
  const value = parent[key];
  // Null prototype: keys like `constructor` are looked up by name later and
  // must not find Object.prototype's members (nor `__proto__` be dropped).
  const result: Record<string, string> = Object.create(null);
  if (!isRecord(value)) return result;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') result[k] = v;
  }
  return result;
}
