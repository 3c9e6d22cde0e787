import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ErdNodeDetails,
  findErdTable,
  isInferredEdge,
  shortTableName,
} from 'backstage-plugin-dbt-erd-common';
import {
  asActionError,
  entityRefInput,
  ErdActionsContext,
  READ_ONLY_ACTION,
  readEntityErd,
} from './readEntityErd';

/** The table's links to catalog entities: exposures that name one, then its owners. */
function catalogLinks(details: ErdNodeDetails | undefined) {
  return [
    ...(details?.exposureEntities ?? []).map(link => ({
      ...link,
      relation: 'exposure' as const,
    })),
    ...(details?.owners ?? []).map(link => ({
      ...link,
      relation: 'owner' as const,
    })),
  ];
}

/** `dbt-erd:describe-table`: one table's columns and its relationships both ways. */
export function registerDescribeTableAction(
  actionsRegistry: ActionsRegistryService,
  context: ErdActionsContext,
) {
  actionsRegistry.register({
    name: 'describe-table',
    title: 'Describe a table of a dbt project',
    description:
      'Describes one table of the dbt project a catalog entity points to: its description, its ' +
      'columns (name, type, description, primary/foreign key) and the relationships it has, both ' +
      'those it references and those referencing it, and the Backstage catalog entities it links to ' +
      '(exposures naming an entity, owners). Name the table by short name or dbt unique_id.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          table: z
            .string()
            .describe(
              'Short name (fct_orders) or dbt id (model.pkg.fct_orders)',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          name: z.string(),
          resourceType: z.string(),
          schema: z.string(),
          database: z.string(),
          description: z.string().nullable(),
          columns: z.array(
            z.object({
              name: z.string(),
              type: z.string(),
              description: z.string().nullable(),
              primaryKey: z.boolean(),
              foreignKey: z.boolean(),
            }),
          ),
          exposures: z
            .array(z.string())
            .describe('Names of the dbt exposures that use this table'),
          catalogLinks: z
            .array(
              z.object({
                entityRef: z.string().describe('kind:namespace/name'),
                relation: z
                  .enum(['exposure', 'owner'])
                  .describe(
                    'exposure: a dbt exposure of this table names the entity; owner: the entity owns the table',
                  ),
                via: z
                  .string()
                  .describe(
                    "The exposure's name, or what named the owner: `dbt group` or `meta.owner`",
                  ),
              }),
            )
            .describe('Backstage catalog entities this table links to'),
          relationships: z.array(
            z.object({
              direction: z
                .enum(['references', 'referencedBy'])
                .describe(
                  'references: this table holds the foreign key; referencedBy: the other table does',
                ),
              otherTable: z.string().describe('dbt id of the other table'),
              columns: z.array(z.string()).describe('Columns of this table'),
              otherColumns: z.array(z.string()),
              cardinality: z.string(),
              inferred: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { erd } = await readEntityErd(
        context,
        input.entityRef,
        credentials,
      );
      let node;
      try {
        node = findErdTable(erd, input.table);
      } catch (error) {
        throw asActionError(error);
      }
      // An own property only: ids come from the artifacts.
      const allDetails = erd.extras?.nodeDetails;
      const details =
        allDetails && Object.hasOwn(allDetails, node.id)
          ? allDetails[node.id]
          : undefined;
      const relationships = erd.edges.flatMap(edge => {
        const facts = {
          cardinality: edge.cardinality,
          inferred: isInferredEdge(edge),
        };
        const sides = [];
        if (edge.from_id === node.id) {
          sides.push({
            direction: 'references' as const,
            otherTable: edge.to_id,
            columns: edge.from_columns,
            otherColumns: edge.to_columns,
            ...facts,
          });
        }
        if (edge.to_id === node.id) {
          sides.push({
            direction: 'referencedBy' as const,
            otherTable: edge.from_id,
            columns: edge.to_columns,
            otherColumns: edge.from_columns,
            ...facts,
          });
        }
        return sides;
      });
      return {
        output: {
          id: node.id,
          name: shortTableName(erd, node),
          resourceType: node.resource_type,
          schema: node.schema_name,
          database: node.database,
          description: node.description,
          columns: node.columns.map(column => ({
            name: column.name,
            type: column.data_type,
            description: column.description,
            primaryKey: column.is_primary_key,
            foreignKey: column.is_foreign_key,
          })),
          exposures: details?.exposures ?? [],
          catalogLinks: catalogLinks(details),
          relationships,
        },
      };
    },
  });
}
