import { Entity } from '@backstage/catalog-model';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ErdTableResponse,
  TAB_ERD_FORMAT,
} from 'backstage-plugin-dbt-erd-common';
import request from 'supertest';
import { startDemoBackend } from './__testUtils__/startDemoBackend';
import { tabErd } from './__testUtils__/tabErd';

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
  const server = await startDemoBackend([
    component('demo', { 'getdbt.com/artifacts-location': 'local:demo' }),
    component('unknown-project', {
      'getdbt.com/artifacts-location': 'local:nope',
    }),
    component('no-dbt', {}),
  ]);
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

  it('revalidates as browsers and proxies ask: a list or a weak tag is a 304, a hard reload or another tag the body', async () => {
    const server = await startBackend();
    const path = '/api/dbt-erd/entities/default/component/demo/erd';
    const { etag } = (await request(server).get(path)).headers;
    const revalidate = (headers: Record<string, string>) =>
      request(server).get(path).set('Accept-Encoding', 'gzip').set(headers);

    for (const ifNoneMatch of [`"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await revalidate({ 'If-None-Match': ifNoneMatch });
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.text ?? '').toBe('');
    }
    const reload = await revalidate({
      'If-None-Match': etag,
      'Cache-Control': 'no-cache',
    });
    expect(reload.status).toBe(200);
    const changed = await revalidate({ 'If-None-Match': '"an-older-erd"' });
    expect(changed.status).toBe(200);
    expect(changed.headers['content-encoding']).toBe('gzip');
    expect(tabErd(changed).nodes.length).toBeGreaterThan(0);
  });

  it('checks access before a 304: a caller denied dbt-erd.erd.read gets 404 for a tag it knows', async () => {
    const server = await startDemoBackend(
      [component('demo', { 'getdbt.com/artifacts-location': 'local:demo' })],
      [
        mockServices.permissions.mock({
          authorize: async (requests, options) =>
            requests.map(() => ({
              result:
                (options.credentials.principal as { userEntityRef?: string })
                  .userEntityRef === 'user:default/outsider'
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })) as any,
        }).factory,
      ],
    );
    const path = '/api/dbt-erd/entities/default/component/demo/erd';
    const { etag } = (await request(server).get(path)).headers;
    const res = await request(server)
      .get(path)
      .set('If-None-Match', etag)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(res.status).toBe(404);
    expect(res.headers.etag).not.toBe(etag);
    expect(res.body.error.name).toBe('NotFoundError');
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

describe('the HTTP contract', () => {
  const ERD = '/api/dbt-erd/entities/default/component/demo/erd';
  let server: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    server = await startBackend();
  });

  describe('query validation (zod, the common contract)', () => {
    it.each([
      [
        `${ERD}?algo=semantic&algo=inferred`,
        'algo',
        /algo is not valid; it takes one text value/,
      ],
      [
        `${ERD}?colour=red`,
        'colour',
        /"colour" is not known; use select, exclude/,
      ],
      [
        `${ERD}?format=pdf`,
        'format',
        /format "pdf" is not supported; use one of dbml/,
      ],
      [
        `${ERD}?select=${'x'.repeat(2001)}`,
        'select',
        /select is longer than 2000 characters/,
      ],
      [
        `${ERD}?select[a]=1`,
        'select',
        /select is not valid; it takes dbt selectors/,
      ],
      [
        `${ERD}/tables/model.x.y?format=dbml`,
        'format',
        /"format" is not known/,
      ],
      [
        `${ERD}/diff?base=previous&format=dbml`,
        'format',
        /use json, markdown or md/,
      ],
    ])('GET %s is a 400 naming %s', async (path, _parameter, message) => {
      const res = await request(server).get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    });

    it('refresh is validated too', async () => {
      const res = await request(server).post(
        `${ERD}/refresh?entityGroup=a&entityGroup=b`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/entityGroup is not valid/);
    });
  });

  describe('the compact tab payload', () => {
    it('is what the tab GET and refresh send, with descriptions left for the drawer', async () => {
      const res = await request(server).get(ERD);
      expect(res.status).toBe(200);
      expect(res.body.format).toBe(TAB_ERD_FORMAT);
      const erd = tabErd(res);
      expect(erd.nodes.length).toBeGreaterThan(0);
      expect(erd.nodes.every(n => n.description === null)).toBe(true);
      const refreshed = await request(server).post(`${ERD}/refresh`);
      expect(refreshed.status).toBe(200);
      expect(tabErd(refreshed).nodes.map(n => n.id)).toEqual(
        erd.nodes.map(n => n.id),
      );
    });

    it('sends the plain ERD, descriptions included, with view=full (the search collator)', async () => {
      const res = await request(server).get(`${ERD}?view=full`);
      expect(res.status).toBe(200);
      expect(res.body.format).toBeUndefined();
      expect(
        res.body.nodes.some(
          (n: { description: string | null }) => n.description,
        ),
      ).toBe(true);
      expect(res.body.source).toEqual({ kind: 'local', name: 'demo' });
    });

    it('leaves the exports alone: ?format=json is the plain dbterd document', async () => {
      const res = await request(server).get(`${ERD}?format=json`);
      expect(res.status).toBe(200);
      const doc = JSON.parse(res.text);
      expect(
        doc.nodes.some((n: { description: string | null }) => n.description),
      ).toBe(true);
    });
  });

  describe('GET …/erd/tables/:tableId', () => {
    it('sends one table with its descriptions, details and keys', async () => {
      const erd = tabErd(await request(server).get(ERD));
      const json = JSON.parse(
        (await request(server).get(`${ERD}?format=json`)).text,
      );
      const described = json.nodes.find(
        (n: { description: string | null }) => n.description,
      );
      const res = await request(server).get(
        `${ERD}/tables/${encodeURIComponent(described.id)}`,
      );
      expect(res.status).toBe(200);
      const body = res.body as ErdTableResponse;
      expect(body.table.id).toBe(described.id);
      expect(body.table.description).toBe(described.description);
      expect(body.table.columns.map(c => c.description)).toEqual(
        described.columns.map(
          (c: { description: string | null }) => c.description,
        ),
      );
      expect(body.table.compiled_sql).toBeNull();
      expect(body.details?.packageName).toBe(
        erd.extras?.nodeDetails[described.id].packageName,
      );
      expect(Array.isArray(body.keys)).toBe(true);
    });

    it('applies the same options as the tab: a table they leave out is a 404', async () => {
      const erd = tabErd(await request(server).get(ERD));
      const id = erd.nodes[0].id;
      const narrowed = await request(server).get(
        `${ERD}/tables/${encodeURIComponent(id)}?exclude=${encodeURIComponent(
          id,
        )}`,
      );
      expect(narrowed.status).toBe(404);
    });

    it('is a 404 naming an unknown table', async () => {
      const res = await request(server).get(`${ERD}/tables/model.demo.nope`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(
        /table "model\.demo\.nope" is not in this entity's ERD/,
      );
    });

    it('checks the entity as the ERD route does', async () => {
      const missing = await request(server).get(
        '/api/dbt-erd/entities/default/component/missing/erd/tables/model.x.y',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('component:default/missing');
      const noDbt = await request(server).get(
        '/api/dbt-erd/entities/default/component/no-dbt/erd/tables/model.x.y',
      );
      expect(noDbt.status).toBe(400);
      expect(noDbt.body.error.message).toContain(
        'getdbt.com/artifacts-location',
      );
      const badToken = await request(server)
        .get(`${ERD}/tables/model.x.y`)
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(badToken.status).toBe(401);
    });
  });
});
