import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { errorMiddleware } from './http/errorMiddleware';
import { sendExport } from './http/sendExport';
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
  logger,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  // The caller's own credentials: an entity they may not read is a 404,
  // the same answer as for one that does not exist.
  async function loadEntity(req: Request): Promise<Entity> {
    const { namespace, kind, name } = req.params;
    const entity = await catalog.getEntityByRef(
      { namespace, kind, name },
      {
        credentials: await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        }),
      },
    );
    if (!entity) {
      throw new NotFoundError(`Entity ${kind}:${namespace}/${name} not found`);
    }
    return entity;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/erd', async (req, res) => {
    const entity = await loadEntity(req);
    const { format, ...query } = req.query as ErdOptionsQuery & {
      format?: string;
    };
    const erd = await erdService.getErd(entity, query);
    if (format !== undefined) {
      sendExport(res, erd, String(format), entity.metadata.name);
      return;
    }
    res.json(erd);
  });

  router.post(
    '/entities/:namespace/:kind/:name/erd/refresh',
    async (req, res) => {
      const entity = await loadEntity(req);
      res.json(await erdService.refresh(entity, req.query as ErdOptionsQuery));
    },
  );

  router.use(errorMiddleware(logger));
  return router;
}
