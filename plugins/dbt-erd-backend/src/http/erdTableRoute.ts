import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  erdOptionsQuerySchema,
  ErdTableResponse,
} from 'backstage-plugin-dbt-erd-common';
import { Request, Router } from 'express';
import { ErdService } from '../services/ErdService';
import { validatedQuery } from './validatedQuery';

/**
 * `GET /entities/:namespace/:kind/:name/erd/tables/:tableId`: one table of
 * the entity's ERD with what the tab's payload leaves out (descriptions,
 * relation, exposures), for the table drawer. Same options and the same
 * read check as the ERD route; a table the ERD does not draw is a 404.
 */
export function addErdTableRoute(
  router: Router,
  {
    loadEntity,
    erdService,
  }: {
    loadEntity: (req: Request) => Promise<Entity>;
    erdService: ErdService;
  },
): void {
  router.get(
    '/entities/:namespace/:kind/:name/erd/tables/:tableId',
    async (req, res) => {
      const entity = await loadEntity(req);
      const query = validatedQuery(req, erdOptionsQuerySchema);
      const { tableId } = req.params;
      const erd = await erdService.getErd(entity, query);
      const table = erd.nodes.find(node => node.id === tableId);
      if (!table) {
        throw new NotFoundError(
          `table "${tableId.slice(0, 200)}" is not in this entity's ERD`,
        );
      }
      const own = <T>(record: Record<string, T> | undefined) =>
        record && Object.hasOwn(record, table.id)
          ? record[table.id]
          : undefined;
      const body: ErdTableResponse = {
        table: { ...table, compiled_sql: null },
        details: own(erd.extras?.nodeDetails),
        keys: own(erd.extras?.keys) ?? [],
      };
      res.setHeader('Cache-Control', 'private, no-cache');
      res.json(body);
    },
  );
}
