import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { shortTableName } from 'backstage-plugin-dbt-erd-common';
import {
  entityRefInput,
  ErdActionsContext,
  READ_ONLY_ACTION,
  readEntityErd,
} from './readEntityErd';

/** `dbt-erd:get-erd-summary`: what an entity's ERD holds, without columns. */
export function registerGetErdSummaryAction(
  actionsRegistry: ActionsRegistryService,
  context: ErdActionsContext,
) {
  actionsRegistry.register({
    name: 'get-erd-summary',
    title: 'Summarise a dbt project ERD',
    description:
      'Lists the tables (dbt models, sources, seeds, snapshots) of the dbt project a catalog entity ' +
      'points to, with their schema and how many relationships each has, plus where the ERD was ' +
      'built from and its warnings. Use describe-table for columns and find-join-path to join tables.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          source: z
            .object({
              kind: z.string(),
              name: z.string(),
              url: z.string().optional(),
              finishedAt: z.string().optional(),
            })
            .describe('Where the dbt artifacts came from'),
          counts: z.object({
            tables: z.number(),
            relationships: z.number(),
          }),
          tables: z.array(
            z.object({
              id: z.string().describe('dbt unique_id'),
              name: z.string().describe('Short name, as ref() takes it'),
              resourceType: z.string(),
              schema: z.string(),
              database: z.string(),
              description: z.string().nullable(),
              relationships: z.number(),
            }),
          ),
          warnings: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, erd } = await readEntityErd(
        context,
        input.entityRef,
        credentials,
      );
      const relationships = new Map<string, number>();
      for (const edge of erd.edges) {
        for (const id of new Set([edge.from_id, edge.to_id])) {
          relationships.set(id, (relationships.get(id) ?? 0) + 1);
        }
      }
      return {
        output: {
          entityRef,
          source: {
            kind: erd.source.kind,
            name: erd.source.name,
            url: erd.source.url,
            finishedAt: erd.source.finishedAt,
          },
          counts: { tables: erd.nodes.length, relationships: erd.edges.length },
          tables: erd.nodes.map(node => ({
            id: node.id,
            name: shortTableName(erd, node),
            resourceType: node.resource_type,
            schema: node.schema_name,
            database: node.database,
            description: node.description,
            relationships: relationships.get(node.id) ?? 0,
          })),
          warnings: erd.warnings,
        },
      };
    },
  });
}
