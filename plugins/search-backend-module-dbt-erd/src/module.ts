import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DbtTableCollatorFactory } from './DbtTableCollatorFactory';

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * Search backend module indexing the tables of dbt projects as `dbt-table`
 * documents, configured under `search.collators.dbtErd`.
 *
 * @public
 */
export const searchModuleDbtErd = createBackendModule({
  pluginId: 'search',
  moduleId: 'dbt-erd',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        auth,
        discovery,
        logger,
        scheduler,
        catalog,
        indexRegistry,
      }) {
        const own = config.getOptionalConfig('search.collators.dbtErd');
        const schedule = own?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              own.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new DbtTableCollatorFactory({
            auth,
            discovery,
            catalog,
            logger,
            entities: own?.getOptionalStringArray('entities'),
            locationTemplate: own?.getOptionalString('locationTemplate'),
          }),
        });
      },
    });
  },
});
