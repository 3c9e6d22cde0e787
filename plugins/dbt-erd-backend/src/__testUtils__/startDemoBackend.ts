import { Server } from 'node:http';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dbtErdPlugin } from '../plugin';
import { DEMO_TARGET } from './demoArtifacts';

/** A dbt-project Component on the local project `demo`, with these annotations besides. */
export function demoProjectEntity(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'getdbt.com/artifacts-location': 'local:demo',
        ...annotations,
      },
    },
    spec: { type: 'dbt-project', lifecycle: 'production', owner: 'data' },
  };
}

/**
 * The plugin in a test backend whose local project `demo` is the demo dbt
 * project, with these entities, and any features besides (e.g. a
 * permissions mock).
 */
export async function startDemoBackend(
  entities: Entity[],
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      ...extraFeatures,
      dbtErdPlugin,
      mockServices.rootConfig.factory({
        data: {
          dbtErd: { localProjects: [{ name: 'demo', path: DEMO_TARGET }] },
        },
      }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return server;
}
