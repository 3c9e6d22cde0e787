import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { dbtErdPermissions } from 'backstage-plugin-dbt-erd-common';
import { registerErdActions } from './actions/registerErdActions';
import { readDbtErdConfig } from './config/readDbtErdConfig';
import { createRouter } from './router';
import { ErdReadPermissions } from './services/access/ErdReadPermissions';
import { SourceAccessGuard } from './services/access/SourceAccessGuard';
import { BuildLimits } from './services/BuildLimits';
import { DbtCloudAccounts } from './services/DbtCloudAccounts';
import { ViewsInProgress } from './services/ViewsInProgress';
import { ErdCache } from './services/ErdCache';
import { ErdDiffService } from './services/ErdDiffService';
import { ErdService } from './services/ErdService';
import { schedulePrebuildTask } from './services/PrebuildTask';

/**
 * The dbt-erd backend plugin.
 *
 * @public
 */
export const dbtErdPlugin = createBackendPlugin({
  pluginId: 'dbt-erd',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        cache: coreServices.cache,
        urlReader: coreServices.urlReader,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        cache,
        urlReader,
        lifecycle,
        permissions,
        permissionsRegistry,
        auditor,
        auth,
        scheduler,
        catalog,
        actionsRegistry,
      }) {
        permissionsRegistry.addPermissions([...dbtErdPermissions]);
        const erdConfig = readDbtErdConfig(config);
        erdConfig.warnings.forEach(warning => logger.warn(warning));
        const accounts = new DbtCloudAccounts(
          erdConfig.accounts,
          logger,
          erdConfig.client,
          cache,
        );
        lifecycle.addShutdownHook(() => accounts.close());
        const access = new SourceAccessGuard(cache, auditor);
        const viewsInProgress = new ViewsInProgress();
        const erdService = new ErdService({
          config: erdConfig,
          accounts,
          cache,
          urlReader,
          logger,
          access,
          erdCache: new ErdCache(cache, {
            ttlMs: erdConfig.cacheTtlMs,
            servedBytes: erdConfig.limits.servedBytes,
            indexBytes: erdConfig.limits.indexBytes,
            viewsInProgress,
          }),
          viewsInProgress,
          limits: new BuildLimits({
            concurrency: erdConfig.limits.buildConcurrency,
            concurrencyPerAccount: erdConfig.limits.buildConcurrencyPerAccount,
          }),
        });
        const erdDiffService = new ErdDiffService(erdService, {
          config: erdConfig,
          accounts,
          cache,
          urlReader,
          logger,
          access,
        });
        httpRouter.use(
          await createRouter({
            erdService,
            erdDiffService,
            catalog,
            httpAuth,
            permissions,
            auditor,
            logger,
          }),
        );
        registerErdActions(actionsRegistry, {
          catalog,
          erdService,
          readPermissions: new ErdReadPermissions(permissions, auditor),
        });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        if (erdConfig.prebuildSchedule) {
          await schedulePrebuildTask({
            schedule: erdConfig.prebuildSchedule,
            scheduler,
            catalog,
            auth,
            erdService,
            logger,
          });
        }
        logger.info(
          `dbt-erd: ${erdConfig.accounts.length} dbt Cloud account(s) (${
            erdConfig.accounts.map(a => a.name).join(', ') || 'none'
          }), ` + `${erdConfig.localProjects.length} local project(s)`,
        );
      },
    });
  },
});
