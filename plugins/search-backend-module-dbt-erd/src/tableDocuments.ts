import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Erd, shortTableName } from 'backstage-plugin-dbt-erd-common';
import { DbtTableDocument } from './DbtTableDocument';

export const DEFAULT_LOCATION_TEMPLATE = '/catalog/:namespace/:kind/:name';

/** The entity's page in the app, from a template with :namespace, :kind and :name. */
export function entityPagePath(entity: Entity, template: string): string {
  const parts: Record<string, string> = {
    namespace: entity.metadata.namespace ?? 'default',
    kind: entity.kind.toLocaleLowerCase('en-US'),
    name: entity.metadata.name,
  };
  return template.replace(/:(namespace|kind|name)\b/g, (_, key: string) =>
    encodeURIComponent(parts[key]),
  );
}

/**
 * One search document per table of the entity's ERD, linked to the ERD tab
 * focused on that table (the tab reads `focus` from its URL). The text is
 * what a person searches by: the table's description, then each column's
 * name and description.
 */
export function tableDocuments(
  entity: Entity,
  erd: Erd,
  locationTemplate = DEFAULT_LOCATION_TEMPLATE,
): DbtTableDocument[] {
  const entityRef = stringifyEntityRef(entity);
  const page = entityPagePath(entity, locationTemplate);
  return erd.nodes.map(node => ({
    title: shortTableName(erd, node),
    text: [
      node.description ?? '',
      ...node.columns.map(column =>
        [column.name, column.description].filter(Boolean).join(': '),
      ),
    ]
      .filter(Boolean)
      .join('\n'),
    location: `${page}/dbt-erd?focus=${encodeURIComponent(node.id)}`,
    tableId: node.id,
    resourceType: node.resource_type,
    schema: node.schema_name,
    database: node.database,
    columns: node.columns.map(column => column.name),
    entityRef,
    entityTitle: entity.metadata.title ?? entity.metadata.name,
    authorization: { resourceRef: entityRef },
  }));
}
