import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readDbtErdConfig } from './config/readDbtErdConfig';
import { createRouter } from './router';
import { ErdService } from './services/ErdService';

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
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpRouter, httpAuth, cache, catalog }) {
        const erdConfig = readDbtErdConfig(config);
        const erdService = new ErdService({ config: erdConfig, cache, logger });
        httpRouter.use(
          await createRouter({ erdService, catalog, httpAuth, logger }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
