import { Erd, ErdNode } from '../types';

/**
 * How dbt itself names a drawn table: what `ref()` or `source()` takes.
 * Read from the dbt unique_id (`model.pkg.name[.v2]`, `source.pkg.src.table`)
 * because the drawn `name` follows `entityNameFormat` and may be anything.
 */
export type DbtNodeName =
  | {
      kind: 'ref';
      packageName: string;
      name: string;
      version: string | null;
    }
  | { kind: 'source'; packageName: string; source: string; table: string };

const VERSION_SUFFIX = /^v(\d+)$/;

export function dbtNodeName(erd: Erd, node: ErdNode): DbtNodeName {
  const parts = node.id.split('.');
  const packageName =
    erd.extras?.nodeDetails[node.id]?.packageName ?? parts[1] ?? '';
  const rest = parts.slice(2);
  if (node.resource_type === 'source' && rest.length >= 2) {
    return {
      kind: 'source',
      packageName,
      source: rest[0],
      table: rest.slice(1).join('.'),
    };
  }
  const version =
    rest.length > 1 ? VERSION_SUFFIX.exec(rest[rest.length - 1]) : null;
  const nameParts = version ? rest.slice(0, -1) : rest;
  return {
    kind: 'ref',
    packageName,
    name: nameParts.join('.') || node.name,
    version: version ? version[1] : null,
  };
}

/** The name people call a table by: the model, seed or snapshot name, or a source's table name. */
export function shortTableName(erd: Erd, node: ErdNode): string {
  const name = dbtNodeName(erd, node);
  return name.kind === 'source' ? name.table : name.name;
}
