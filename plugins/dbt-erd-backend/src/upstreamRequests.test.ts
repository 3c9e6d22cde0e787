import { buildErd, getErdTarget } from 'backstage-plugin-dbt-erd-common';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import { CapturedLogs, RecordingCache } from './__testUtils__/capturingLogger';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { startFakeDbtCloud } from './__testUtils__/fakeDbtCloud';
import {
  annotatedEntity,
  startCloudTestBackend,
} from './__testUtils__/startCloudTestBackend';
import { tabErd } from './__testUtils__/tabErd';

/*
 * One data path: an artifact version is downloaded once, into a project
 * index in the shared cache, and every view and export of it, on every
 * replica, is derived from that index without asking dbt Cloud again.
 */
const TOKEN = 'dbtc_UPSTREAM-count-token-2718281828';
const ACCOUNT_ID = 4242;
const ERD = '/api/dbt-erd/entities/default/component/shop/erd';

const VIEWS = [
  '',
  '?algo=model_contract',
  '?resourceTypes=model&resourceTypes=seed',
  '?select=schema:marts',
  '?entityNameFormat=schema.table',
  '?entityGroup=schema',
];
const EXPORTS = ['dbml', 'mermaid', 'json', 'd2'];

jest.setTimeout(60_000);

describe('upstream requests of one dbt Cloud run', () => {
  let fake: FakeDbtCloudServer;

  beforeEach(async () => {
    fake = await startFakeDbtCloud({ id: ACCOUNT_ID, token: TOKEN });
  });
  afterEach(() => fake.stop());

  const artifactDownloads = () =>
    fake.requestCount(/\/artifacts\/(manifest|catalog)\.json$/);

  it('downloads manifest and catalog once for 6 views and 4 exports on two replicas sharing a cache', async () => {
    const cache = new RecordingCache();
    const replica = () =>
      startCloudTestBackend({
        accessUrl: fake.url,
        accountId: ACCOUNT_ID,
        token: TOKEN,
        entities: [
          annotatedEntity('shop', { 'getdbt.com/cloud-run-id': '123' }),
        ],
        logs: new CapturedLogs(),
        cache,
        bodies: [],
      });
    const a = await replica();
    const b = await replica();

    const bodies = new Map<string, string[]>();
    const jsonExports: string[] = [];
    for (const [_name, get] of [
      ['a', a.get],
      ['b', b.get],
    ] as const) {
      for (const view of VIEWS) {
        const res = await get(`${ERD}${view}`);
        expect(res.status).toBe(200);
        expect(res.body.source).toMatchObject({
          kind: 'dbt-cloud-run',
          runId: 123,
          jobId: 45,
        });
        bodies.set(view, [...(bodies.get(view) ?? []), res.text]);
      }
      for (const format of EXPORTS) {
        const res = await get(`${ERD}?format=${format}`);
        expect(res.status).toBe(200);
        expect(res.text.length).toBeGreaterThan(100);
        if (format === 'json') jsonExports.push(res.text);
      }
    }
    // Both replicas derive the same view from the one index.
    for (const [onA, onB] of bodies.values()) expect(onB).toBe(onA);
    // The json export prints compiled SQL, kept aside in the cache; the tab goes without.
    expect(jsonExports).toHaveLength(2);
    for (const text of jsonExports) {
      expect(JSON.parse(text).nodes.some((n: any) => n.compiled_sql)).toBe(
        true,
      );
    }
    // ...and put back, it is the export the engine prints from the artifacts.
    const built = buildErd({
      manifest: demoArtifacts['manifest.json'],
      catalog: demoArtifacts['catalog.json'],
    });
    expect(jsonExports[1]).toBe(getErdTarget('json').render(built.erd));
    expect(jsonExports[0]).toBe(jsonExports[1]);
    expect(
      tabErd({ body: JSON.parse(bodies.get('')![0]) }).nodes.every(
        (n: any) => n.compiled_sql === null,
      ),
    ).toBe(true);
    expect(artifactDownloads()).toBe(2);
    // The run itself was looked up once too: its details are cached with it.
    expect(
      fake.requestCount(FakeDbtCloudServer.paths.run(ACCOUNT_ID, 123)),
    ).toBe(1);
    // Different options draw different ERDs from the same index.
    expect(new Set([...bodies.values()].map(([onA]) => onA)).size).toBe(
      VIEWS.length,
    );
  });
});
