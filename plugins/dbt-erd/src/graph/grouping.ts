import { Erd } from 'backstage-plugin-dbt-erd-common';

export interface TableGroup {
  name: string;
  nodeIds: string[];
}

/**
 * The areas tables are drawn in: the ERD's own groups when the entity sets
 * `entityGroup`, otherwise one per `database.schema`. Tables no group names
 * fall into an "ungrouped" area so that nothing disappears.
 */
export function groupTables(erd: Erd): TableGroup[] {
  if (erd.groups?.length) {
    const seen = new Set<string>();
    const groups = erd.groups.map(g => {
      g.node_ids.forEach(id => seen.add(id));
      return { name: g.name, nodeIds: [...g.node_ids] };
    });
    const rest = erd.nodes.filter(n => !seen.has(n.id)).map(n => n.id);
    return rest.length
      ? [...groups, { name: 'ungrouped', nodeIds: rest }]
      : groups;
  }
  const bySchema = new Map<string, string[]>();
  for (const node of erd.nodes) {
    const key =
      [node.database, node.schema_name].filter(Boolean).join('.') ||
      'ungrouped';
    const ids = bySchema.get(key) ?? [];
    ids.push(node.id);
    bySchema.set(key, ids);
  }
  return [...bySchema.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, nodeIds]) => ({ name, nodeIds }));
}
