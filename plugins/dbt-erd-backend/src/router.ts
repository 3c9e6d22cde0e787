import {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { ErdService } from './services/ErdService';
import { ErdOptionsQuery } from './services/readErdOptions';

export interface RouterOptions {
  erdService: ErdService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
}

/** HTTP API of the plugin, mounted at /api/dbt-erd. */
export async function createRouter({
  erdService,
  catalog,
  httpAuth,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/erd', async (req, res) => {
    const { namespace, kind, name } = req.params;
    // The caller's own credentials: an entity they may not read is a 404,
    // the same answer as for one that does not exist.
    const entity = await catalog.getEntityByRef(
      { namespace, kind, name },
      { credentials: await httpAuth.credentials(req) },
    );
    if (!entity) {
      throw new NotFoundError(`Entity ${kind}:${namespace}/${name} not found`);
    }
    const erd = await erdService.getErd(entity, req.query as ErdOptionsQuery);
    res.json(erd);
  });

  return router;
}
