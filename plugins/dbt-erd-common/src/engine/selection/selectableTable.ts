import { IndexedNode } from '../artifacts/types';

/**
 * The facts about a table that selection rules look at. dbterd's rules read
 * the first five; dbt's methods (`tag:`, `path:`...) and graph operators
 * the optional rest, which a table without them never matches.
 */
export interface SelectableTable {
  uniqueId: string;
  resourceType: string;
  /** Lower-cased. */
  database: string;
  /** Lower-cased. */
  schema: string;
  exposures: string[];
  name?: string;
  packageName?: string;
  tags?: string[];
  fqn?: string[];
  originalFilePath?: string;
  group?: string | null;
  access?: string | null;
  /** Dotted config keys, as IndexedNode.config. */
  config?: Record<string, string | string[]>;
  /** `depends_on.nodes`, for the graph operators. */
  dependsOn?: string[];
}

/** What selection sees of an indexed node. */
export function selectableOf(node: IndexedNode): SelectableTable {
  return {
    uniqueId: node.uniqueId,
    resourceType: node.resourceType,
    database: node.database.toLowerCase(),
    schema: node.schema.toLowerCase(),
    exposures: node.exposures,
    name: node.name,
    packageName: node.packageName,
    tags: node.tags,
    fqn: node.fqn,
    originalFilePath: node.originalFilePath,
    group: node.group,
    access: node.access,
    config: node.config,
    dependsOn: node.dependsOn,
  };
}
