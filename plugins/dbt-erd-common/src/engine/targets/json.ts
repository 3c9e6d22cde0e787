import { Erd, ErdEdge, RenderOptions } from '../types';
import { pyJsonDumps } from './pyJson';
import { ErdTarget } from './types';

/** Where dbterd publishes the JSON Schema of this document. */
export const ERD_JSON_SCHEMA_BASE_URL =
  'https://dbterd.datnguye.me/latest/schemas/erd';

/**
 * dbterd's edge fields, then provenance, evidence and confidence on edges
 * that have them (combined or inferred algorithms only), so that dbterd's
 * own documents stay byte-identical.
 */
function jsonEdge(edge: ErdEdge): Record<string, unknown> {
  const document: Record<string, unknown> = {
    id: edge.id,
    from_id: edge.from_id,
    to_id: edge.to_id,
    from_columns: edge.from_columns,
    to_columns: edge.to_columns,
    relationship_type: edge.relationship_type,
    name: edge.name,
    label: edge.label,
    cardinality: edge.cardinality,
  };
  if (edge.provenance) document.provenance = edge.provenance;
  if (edge.evidence) document.evidence = edge.evidence;
  if (edge.confidence) document.confidence = edge.confidence;
  return document;
}

/**
 * The ERD itself, as dbterd's `json` target writes it: `$schema`, nodes,
 * edges, metadata and, when grouped, groups. Engine-only extras stay out.
 */
export function toJson(erd: Erd, options: RenderOptions = {}): string {
  const version = options.dbterdVersion ?? erd.metadata.dbterd_version;
  const document: Record<string, unknown> = {
    $schema: `${ERD_JSON_SCHEMA_BASE_URL}/${version}/erd.json`,
    nodes: erd.nodes.map(node => ({
      id: node.id,
      name: node.name,
      label: node.label,
      description: node.description,
      resource_type: node.resource_type,
      schema_name: node.schema_name,
      database: node.database,
      columns: node.columns.map(column => ({
        name: column.name,
        data_type: column.data_type,
        description: column.description,
        is_primary_key: column.is_primary_key,
        is_foreign_key: column.is_foreign_key,
      })),
      compiled_sql: node.compiled_sql,
    })),
    edges: erd.edges.map(jsonEdge),
    metadata: {
      generated_at: erd.metadata.generated_at,
      dbt_project_name: erd.metadata.dbt_project_name,
      dbterd_version: version,
    },
  };
  if (erd.groups && erd.nodes.length > 0) {
    document.groups = erd.groups.map(group => ({
      name: group.name,
      node_ids: group.node_ids,
    }));
  }
  return `${pyJsonDumps(document)}\n`;
}

/** dbterd's canonical ERD JSON (nodes / edges / metadata). */
export const jsonTarget: ErdTarget = {
  name: 'json',
  label: 'JSON',
  fileName: 'output.json',
  contentType: 'application/json; charset=utf-8',
  render: toJson,
};
