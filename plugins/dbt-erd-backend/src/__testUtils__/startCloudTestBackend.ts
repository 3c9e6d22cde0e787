import { Entity } from '@backstage/catalog-model';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { dbtErdPlugin } from '../plugin';
import { CapturedLogs, RecordingCache } from './capturingLogger';
import { mainAccountConfigFactory } from './dbtCloudConfig';

/** A catalog entity with the given dbt annotations. */
export function annotatedEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}

/**
 * The plugin in a test backend with one dbt Cloud account ("main") at a
 * fake's URL; every response body is kept in `bodies` for secret scans.
 */
export async function startCloudTestBackend(options: {
  accessUrl: string;
  accountId: number;
  token: string;
  entities: Entity[];
  logs: CapturedLogs;
  cache: RecordingCache;
  bodies: string[];
}): Promise<{
  get: (
    path: string,
    headers?: Record<string, string>,
  ) => Promise<request.Response>;
}> {
  const { server } = await startTestBackend({
    features: [
      dbtErdPlugin,
      options.logs.factory(),
      options.cache.factory(),
      mainAccountConfigFactory(
        { url: options.accessUrl },
        { accountId: options.accountId, token: options.token },
        { timeout: { seconds: 2 } },
      ),
      catalogServiceMock.factory({ entities: options.entities }),
    ],
  });
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await request(server).get(path).set(headers);
    options.bodies.push(res.text);
    return res;
  };
  return { get };
}
