import { tabErd } from './__testUtils__/tabErd';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { DEMO_TARGET } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'dbt-project', lifecycle: 'production', owner: 'data' },
});

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      dbtErdPlugin,
      mockServices.rootConfig.factory({
        data: {
          dbtErd: { localProjects: [{ name: 'demo', path: DEMO_TARGET }] },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          component('demo', { 'getdbt.com/artifacts-location': 'local:demo' }),
          component('unknown-project', {
            'getdbt.com/artifacts-location': 'local:nope',
          }),
          component('no-dbt', {}),
        ],
      }),
    ],
  });
  return server;
}

describe('dbt-erd backend plugin', () => {
  it('answers health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/dbt-erd/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves the demo project ERD for an annotated entity', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/dbt-erd/entities/default/component/demo/erd',
    );
    expect(res.status).toBe(200);
    expect(tabErd(res).source).toEqual({ kind: 'local', name: 'demo' });
    const ids: string[] = tabErd(res).nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids.every(id => id.startsWith('model.'))).toBe(true);
    expect(tabErd(res).edges.length).toBeGreaterThan(0);
    for (const edge of tabErd(res).edges) {
      expect(ids).toContain(edge.from_id);
      expect(ids).toContain(edge.to_id);
    }
  });

  it('sends the cached ERD gzipped with an ETag, and 304 when the browser has it', async () => {
    const server = await startBackend();
    const path = '/api/dbt-erd/entities/default/component/demo/erd';
    const first = await request(server)
      .get(path)
      .set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(tabErd(first).nodes.length).toBeGreaterThan(0);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request(server).get(path).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    const plain = await request(server)
      .get(path)
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(first.body);
  });

  it('returns 404 for an entity the catalog does not return', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/dbt-erd/entities/default/component/missing/erd',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/missing');
  });

  it('returns 400 naming the annotations for an entity without them', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/dbt-erd/entities/default/component/no-dbt/erd',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('getdbt.com/artifacts-location');
    expect(res.body.error.message).toContain('getdbt.com/cloud-job-id');
  });

  it('returns 400 listing the configured local projects for an unknown one', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/dbt-erd/entities/default/component/unknown-project/erd',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"nope"');
    expect(res.body.error.message).toContain('configured: demo');
  });
});
