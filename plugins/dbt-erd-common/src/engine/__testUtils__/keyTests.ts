import { DEFAULT_PACKAGE, ManifestEntry } from './artifacts';

type Json = Record<string, any>;

/** A generic test node as dbt writes it (`unique`, `not_null`, `dbt_utils.unique_combination_of_columns`). */
export function genericTest(
  name: string,
  nodeId: string,
  kwargs: Json,
  namespace: string | null = null,
): ManifestEntry {
  const table = nodeId.split('.').pop();
  const column = kwargs.column_name ?? 'cols';
  const prefix = namespace ? `${namespace}_` : '';
  const source = nodeId.startsWith('source.') ? 'source_' : '';
  const id = `test.${DEFAULT_PACKAGE}.${prefix}${source}${name}_${table}_${column}.abc123`;
  return [
    id,
    {
      unique_id: id,
      resource_type: 'test',
      test_metadata: { name, namespace, kwargs },
      depends_on: { nodes: [nodeId] },
      attached_node: nodeId.startsWith('source.') ? null : nodeId,
      meta: {},
      config: { meta: {} },
    },
  ];
}

/** `unique` and `not_null` on one column: the way dbt projects state a primary key. */
export function primaryKeyTests(
  nodeId: string,
  column: string,
): ManifestEntry[] {
  return [
    genericTest('unique', nodeId, { column_name: column }),
    genericTest('not_null', nodeId, { column_name: column }),
  ];
}
