import { IndexedNode } from '../artifacts/types';
import { ErdInputError } from '../errors';

export const DEFAULT_ENTITY_NAME_FORMAT = 'resource.package.model';

/** The parts an entity name format may join. */
export const ENTITY_NAME_PARTS: readonly string[] = [
  'resource',
  'package',
  'model',
  'database',
  'schema',
  'table',
];

/** dbterd's placeholder for a part whose value is empty. */
const MISSING_PART = 'KEYNOTFOUND';

/** dbterd prints KEYNOTFOUND for an unknown part; here it is a usage error instead. */
export function validateEntityNameFormat(format: string): void {
  for (const part of format.split('.')) {
    if (!ENTITY_NAME_PARTS.includes(part.toLowerCase())) {
      throw new ErdInputError(
        `entity name format "${format}": unknown part "${part}"; ` +
          `join any of ${ENTITY_NAME_PARTS.join(', ')} with dots`,
      );
    }
  }
}

function nameParts(node: IndexedNode): Record<string, string> {
  const idParts = node.uniqueId.split('.');
  return {
    resource: idParts[0] ?? '',
    package: idParts[1] ?? '',
    // For sources this is the source name, as in dbterd.
    model: idParts[2] ?? '',
    database: node.database.toLowerCase(),
    schema: node.schema.toLowerCase(),
    table: node.tableName.toLowerCase(),
  };
}

/** e.g. `resource.package.model` -> `model.jaffle_shop.orders`, `table` -> `orders`. */
export function entityName(node: IndexedNode, format: string): string {
  const parts = nameParts(node);
  return format
    .split('.')
    .map(part => parts[part.toLowerCase()] || MISSING_PART)
    .join('.');
}
