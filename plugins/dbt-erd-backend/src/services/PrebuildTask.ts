import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { DBT_SOURCE_ANNOTATIONS } from 'backstage-plugin-dbt-erd-common';
import { ErdService } from './ErdService';

export const PREBUILD_TASK_ID = 'dbt-erd-prebuild';

/**
 * Indexes the current artifact version of every annotated entity ahead of
 * time (every view derives from the index), so the first user after a new
 * dbt Cloud run finds it in the shared cache. Scheduled with
 * global scope: one replica at a time runs it.
 */
export async function schedulePrebuildTask(options: {
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  erdService: ErdService;
  logger: LoggerService;
}) {
  const { scheduler, schedule, logger } = options;
  await scheduler.scheduleTask({
    id: PREBUILD_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      const started = Date.now();
      const entities = await annotatedEntities(options);
      let built = 0;
      const failed: string[] = [];
      // One at a time: a prebuild must not compete with users for dbt Cloud's rate limit.
      for (const entity of entities) {
        try {
          await options.erdService.warm(entity);
          built += 1;
        } catch (error) {
          failed.push(
            `${stringifyEntityRef(entity)} (${(error as Error).name})`,
          );
        }
      }
      logger.info(
        `Pre-built ${built} of ${entities.length} ERD(s) in ${
          Date.now() - started
        } ms${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
      );
    },
  });
}

async function annotatedEntities({
  catalog,
  auth,
}: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    {
      filter: DBT_SOURCE_ANNOTATIONS.map(name => ({
        [`metadata.annotations.${name}`]: CATALOG_FILTER_EXISTS,
      })),
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items;
}
