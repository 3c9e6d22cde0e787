import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { findJoinPath, JoinPath } from 'backstage-plugin-dbt-erd-common';
import {
  asActionError,
  entityRefInput,
  ErdActionsContext,
  READ_ONLY_ACTION,
  readEntityErd,
} from './readEntityErd';

/** `dbt-erd:find-join-path`: how to join two tables, as dbt SQL. */
export function registerFindJoinPathAction(
  actionsRegistry: ActionsRegistryService,
  context: ErdActionsContext,
) {
  actionsRegistry.register({
    name: 'find-join-path',
    title: 'Find how to join two tables of a dbt project',
    description:
      'Finds the shortest chain of relationships between two tables of the dbt project a catalog ' +
      'entity points to (declared relationships preferred over inferred ones, then fewer ' +
      'many-to-many steps) and writes the SQL that joins them with ref()/source(). Tables are ' +
      'named by short name or dbt unique_id. When no chain exists, path is empty and sql is null.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          from: z
            .string()
            .describe('Table to start from (short name or dbt id)'),
          to: z.string().describe('Table to reach (short name or dbt id)'),
        }),
      output: z =>
        z.object({
          path: z.array(z.string()).describe('dbt ids of the tables, in order'),
          joins: z.array(
            z.object({
              from_id: z.string(),
              from_columns: z.array(z.string()),
              to_id: z.string(),
              to_columns: z.array(z.string()),
            }),
          ),
          sql: z.string().nullable(),
          message: z
            .string()
            .optional()
            .describe('Why there is no path, when there is none'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { erd } = await readEntityErd(
        context,
        input.entityRef,
        credentials,
      );
      let result: JoinPath;
      try {
        result = findJoinPath(erd, input.from, input.to);
      } catch (error) {
        throw asActionError(error);
      }
      if (!result.found) {
        return {
          output: {
            path: [],
            joins: [],
            sql: null,
            message:
              `No chain of relationships joins ${input.from} and ${input.to}. ` +
              `${input.from} is connected to ${result.fromComponent.join(
                ', ',
              )}; ` +
              `${input.to} is connected to ${result.toComponent.join(', ')}.`,
          },
        };
      }
      return {
        output: {
          path: result.path,
          joins: result.joins.map(join => ({
            from_id: join.from_id,
            from_columns: join.from_columns,
            to_id: join.to_id,
            to_columns: join.to_columns,
          })),
          sql: result.sql,
        },
      };
    },
  });
}
