import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dbtErdRefreshPermission,
  encodeTabErd,
  erdOptionsQuerySchema,
  erdQuerySchema,
} from 'backstage-plugin-dbt-erd-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { addErdDiffRoute } from './http/erdDiffRoute';
import { addErdTableRoute } from './http/erdTableRoute';
import { errorMiddleware } from './http/errorMiddleware';
import { sendServedErd } from './http/sendServedErd';
import { sendExport } from './http/sendExport';
import { validatedQuery } from './http/validatedQuery';
import { ErdReadPermissions } from './services/access/ErdReadPermissions';
import { ErdDiffService } from './services/ErdDiffService';
import { ErdService } from './services/ErdService';
import { ReadableEntities } from './services/ReadableEntities';

export interface RouterOptions {
  erdService: ErdService;
  erdDiffService: ErdDiffService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
}

/** HTTP API of the plugin, mounted at /api/dbt-erd. */
export async function createRouter({
  erdService,
  erdDiffService,
  catalog,
  httpAuth,
  permissions,
  auditor,
  logger,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  const readPermissions = new ErdReadPermissions(permissions, auditor);
  const readableEntities = new ReadableEntities(catalog, readPermissions);

  // The caller's own credentials: an entity they may not read is a 404,
  // the same answer as for one that does not exist.
  async function loadEntity(req: Request): Promise<Entity> {
    const { namespace, kind, name } = req.params;
    return readableEntities.load(
      { namespace, kind, name },
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
    );
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/erd', async (req, res) => {
    const entity = await loadEntity(req);
    const { format, view, ...query } = validatedQuery(req, erdQuerySchema);
    if (format !== undefined) {
      const withSql =
        format === 'json' &&
        (await readPermissions.mayReadSql(
          entity,
          await httpAuth.credentials(req, { allow: ['user', 'service'] }),
        ));
      const erd = await erdService.getErd(entity, query, {
        keepCompiledSql: withSql,
      });
      sendExport(res, erd, String(format), entity.metadata.name, {
        sqlWithheld: format === 'json' && !withSql,
      });
      return;
    }
    if (view === 'full') {
      // The cached text as it is: no parse, no re-serialisation.
      res.setHeader('Cache-Control', 'private, no-cache');
      res
        .type('application/json')
        .send(await erdService.getErdJson(entity, query));
      return;
    }
    sendServedErd(req, res, await erdService.getServedErd(entity, query));
  });

  // Refresh makes the backend download again, so it is a permission of its
  // own (allowed by default policies, restrictable by yours) and audited.
  router.post(
    '/entities/:namespace/:kind/:name/erd/refresh',
    async (req, res) => {
      const { namespace, kind, name } = req.params;
      const auditorEvent = await auditor.createEvent({
        eventId: 'erd-refresh',
        request: req,
        meta: { entityRef: stringifyEntityRef({ namespace, kind, name }) },
      });
      try {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const [decision] = await permissions.authorize(
          [{ permission: dbtErdRefreshPermission }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotAllowedError(
            'You are not allowed to refresh ERDs (dbt-erd.erd.refresh)',
          );
        }
        const entity = await loadEntity(req);
        const query = validatedQuery(req, erdOptionsQuerySchema);
        const erd = await erdService.refresh(entity, query);
        await auditorEvent.success({
          meta: { source: erd.source.kind, tables: erd.nodes.length },
        });
        // The same compact encoding as the tab's GET.
        res.json(encodeTabErd(erd));
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  addErdDiffRoute(router, { loadEntity, erdDiffService });
  addErdTableRoute(router, { loadEntity, erdService });

  router.use(errorMiddleware(logger));
  return router;
}
