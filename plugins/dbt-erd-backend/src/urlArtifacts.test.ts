import {
  coreServices,
  createServiceFactory,
  UrlReaderService,
  UrlReaderServiceReadUrlOptions,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Readable } from 'node:stream';
import request from 'supertest';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { largeManifest } from './__testUtils__/largeManifest';
import { annotatedEntity } from './__testUtils__/startCloudTestBackend';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

/*
 * A `url:` folder is streamed into the engine's scanner (never held whole),
 * its version is the reader's ETag, and nothing is read again while the
 * ETag holds (the reader answers NotModifiedError).
 */
const FOLDER = 'https://github.com/acme/dbt/tree/main/target';
const ERD = '/api/dbt-erd/entities/default/component/shop/erd';
// 600 MB as in the issue; DBT_ERD_LARGE_MANIFEST_MB makes it smaller on a slow machine.
const MANIFEST_MB = Number(process.env.DBT_ERD_LARGE_MANIFEST_MB ?? 600);

jest.setTimeout(180_000);

/** A reader of one folder whose manifest.json is generated as it streams. */
class FolderReader {
  etag = '"v1"';
  streamed = 0;
  conditional = 0;
  manifestMb = MANIFEST_MB;

  service(): UrlReaderService {
    return {
      readUrl: async (
        url: string,
        options?: UrlReaderServiceReadUrlOptions,
      ) => {
        if (options?.etag) this.conditional += 1;
        if (options?.etag === this.etag) throw new NotModifiedError();
        if (url === `${FOLDER}/catalog.json`) {
          const catalog = Buffer.from(
            JSON.stringify(demoArtifacts['catalog.json']),
          );
          return {
            etag: '"catalog"',
            buffer: async () => catalog,
            stream: () => Readable.from([catalog]),
          };
        }
        const mb = this.manifestMb;
        return {
          etag: this.etag,
          buffer: async () => {
            throw new Error('the manifest must be streamed, not buffered');
          },
          stream: () => {
            this.streamed += 1;
            return Readable.from(largeManifest(mb));
          },
        };
      },
      readTree: async () => {
        throw new Error('not used');
      },
      search: async () => {
        throw new Error('not used');
      },
    } as UrlReaderService;
  }
}

async function startBackend(reader: FolderReader, maxArtifactBytes?: number) {
  const { server } = await startTestBackend({
    features: [
      dbtErdPlugin,
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => reader.service(),
      }),
      mockServices.rootConfig.factory({
        data: {
          dbtErd: maxArtifactBytes ? { cloud: { maxArtifactBytes } } : {},
        },
      }),
      catalogServiceMock.factory({
        entities: [
          annotatedEntity('shop', {
            'getdbt.com/artifacts-location': `url:${FOLDER}`,
          }),
        ],
      }),
    ],
  });
  return server;
}

describe('a url: artifacts folder', () => {
  afterEach(() => jest.restoreAllMocks());

  it(`streams a ${MANIFEST_MB} MB manifest with bounded memory and reads it again only when its ETag changes`, async () => {
    const reader = new FolderReader();
    // Past the 512 MB default limit: allowed here on purpose.
    const server = await startBackend(reader, 1024 * 1024 * 1024);
    let peakRss = 0;
    const baseline = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const first = await request(server).get(ERD);
    clearInterval(sampler);
    expect(first.status).toBe(200);
    expect(first.body.source).toEqual({
      kind: 'url',
      name: FOLDER,
      url: FOLDER,
    });
    expect(tabErd(first).nodes.length).toBeGreaterThan(5);
    expect(reader.streamed).toBe(1);
    // Held whole, the manifest alone would be MANIFEST_MB more.
    const grownMb = (peakRss - baseline) / 1024 / 1024;
    console.info(
      `peak RSS grew ${grownMb.toFixed(0)} MB streaming ${MANIFEST_MB} MB`,
    );
    expect(grownMb).toBeLessThan(Math.max(200, MANIFEST_MB / 3));

    // Other views and an export within the lookup period: no read at all.
    expect(
      (await request(server).get(`${ERD}?entityGroup=schema`)).status,
    ).toBe(200);
    expect((await request(server).get(`${ERD}?format=dbml`)).status).toBe(200);
    expect(reader.streamed).toBe(1);
    expect(reader.conditional).toBe(0);

    // After the lookup period the ETag is checked: not modified, nothing read.
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(
      (await request(server).get(`${ERD}?algo=model_contract`)).status,
    ).toBe(200);
    expect(reader.conditional).toBeGreaterThan(0);
    expect(reader.streamed).toBe(1);

    // A new ETag is a new version: read once more.
    reader.etag = '"v2"';
    reader.manifestMb = 1;
    jest.spyOn(Date, 'now').mockReturnValue(now + 122_000);
    expect((await request(server).get(ERD)).status).toBe(200);
    expect(reader.streamed).toBe(2);
  });

  it('stops reading past dbtErd.cloud.maxArtifactBytes', async () => {
    const reader = new FolderReader();
    reader.manifestMb = 8;
    const server = await startBackend(reader, 2 * 1024 * 1024);
    const res = await request(server).get(ERD);
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain('maxArtifactBytes');
  });
});
