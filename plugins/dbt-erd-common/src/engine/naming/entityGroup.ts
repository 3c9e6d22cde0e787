import { ErdInputError } from '../errors';
import { ErdGroup, ErdNode } from '../types';

/** Node attributes a group key may join, under dbterd's Table attribute names. */
const GROUP_ATTRIBUTES: Record<string, (node: ErdNode) => string | null> = {
  database: node => node.database,
  schema: node => node.schema_name,
  name: node => node.name,
  node_name: node => node.id,
  resource_type: node => node.resource_type,
  label: node => node.label,
  description: node => node.description ?? '',
};

export const ENTITY_GROUP_ATTRIBUTES: readonly string[] =
  Object.keys(GROUP_ATTRIBUTES);

export function validateEntityGroup(entityGroup: string): void {
  for (const attribute of entityGroup.split('.')) {
    if (
      !Object.prototype.hasOwnProperty.call(
        GROUP_ATTRIBUTES,
        attribute.toLowerCase(),
      )
    ) {
      throw new ErdInputError(
        `entity group "${entityGroup}": unknown attribute "${attribute}"; ` +
          `join any of ${ENTITY_GROUP_ATTRIBUTES.join(', ')} with dots`,
      );
    }
  }
}

/**
 * Groups nodes by the joined attribute values (e.g. `database.schema` ->
 * `demo.public`), groups and members in first-seen order. A missing value
 * prints as `None`, as Python's str() does in dbterd.
 */
export function groupNodes(nodes: ErdNode[], entityGroup: string): ErdGroup[] {
  const attributes = entityGroup
    .split('.')
    .map(a => GROUP_ATTRIBUTES[a.toLowerCase()]);
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const key = attributes.map(read => read(node) ?? 'None').join('.');
    const members = groups.get(key) ?? [];
    members.push(node.id);
    groups.set(key, members);
  }
  return Array.from(groups, ([name, node_ids]) => ({ name, node_ids }));
}
