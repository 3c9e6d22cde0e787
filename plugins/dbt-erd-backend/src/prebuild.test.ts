import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import request from 'supertest';
import { CapturedLogs, RecordingCache } from './__testUtils__/capturingLogger';
import { mainAccountOn } from './__testUtils__/dbtCloudConfig';
import { startFakeDbtCloud } from './__testUtils__/fakeDbtCloud';
import { annotatedEntity as entity } from './__testUtils__/startCloudTestBackend';
import { dbtErdPlugin } from './plugin';
import { PREBUILD_TASK_ID } from './services/PrebuildTask';
import { tabErd } from './__testUtils__/tabErd';

/*
 * The scheduled pre-build with no Redis or PostgreSQL: the test scheduler
 * runs the task when told, an in-memory cache keeps what it built. (Two
 * replicas sharing the task are covered by replicas.test.ts.)
 */
const TOKEN = 'dbtc_PREBUILD-test-token-5772156649';
const ACCOUNT_ID = 3131;
const paths = FakeDbtCloudServer.paths;

// Each test starts backends and builds ERDs: generous on a busy machine.
jest.setTimeout(60_000);

describe('the scheduled pre-build', () => {
  let fake: FakeDbtCloudServer;

  beforeEach(async () => {
    fake = await startFakeDbtCloud({ id: ACCOUNT_ID, token: TOKEN });
  });
  afterEach(() => fake.stop());

  async function startBackend(prebuild?: object) {
    const scheduler = mockServices.scheduler();
    const logs = new CapturedLogs();
    const cache = new RecordingCache();
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        // The test scheduler runs a task only when the test triggers it.
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        logs.factory(),
        cache.factory(),
        mockServices.rootConfig.factory({
          data: {
            dbtErd: {
              cloud: mainAccountOn(fake, {
                accountId: ACCOUNT_ID,
                token: TOKEN,
              }),
              ...(prebuild ? { prebuild } : {}),
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            entity('by-job', { 'getdbt.com/cloud-job-id': '45' }),
            entity('by-run', { 'getdbt.com/cloud-run-id': '123' }),
            entity('missing-run', { 'getdbt.com/cloud-run-id': '999' }),
            entity('no-dbt', {}),
          ],
        }),
      ],
    });
    return { server, scheduler, logs, cache };
  }

  it('is scheduled only when configured, with global scope', async () => {
    const without = await startBackend();
    await expect(without.scheduler.getScheduledTasks()).resolves.toEqual([]);

    const { scheduler } = await startBackend({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
    });
    await expect(scheduler.getScheduledTasks()).resolves.toEqual([
      expect.objectContaining({ id: PREBUILD_TASK_ID, scope: 'global' }),
    ]);
    expect(fake.requestCount()).toBe(0);
  });

  it('builds every annotated entity, names the ones that failed, and leaves the ERDs in the cache', async () => {
    const { server, scheduler, logs, cache } = await startBackend({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
    });
    await scheduler.triggerTask(PREBUILD_TASK_ID);

    const summary = logs.lines.filter(line => line.includes('Pre-built'));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(
      /Pre-built 2 of 3 ERD\(s\) in \d+ ms; failed: component:default\/missing-run \(\w+\)/,
    );
    expect(cache.stored.some(entry => entry.startsWith('erd:'))).toBe(true);
    // One download for the job and its pinned run: they share the cache.
    expect(
      fake.requestCount(paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json')),
    ).toBe(1);

    // A user now finds both ERDs ready: dbt Cloud is not asked again (the
    // failed run's sibling download may still arrive late: not counted).
    const forOthers = () =>
      fake.requests.filter(r => !r.path.includes('/runs/999/'));
    const upstream = forOthers().length;
    for (const name of ['by-job', 'by-run']) {
      const res = await request(server).get(
        `/api/dbt-erd/entities/default/component/${name}/erd`,
      );
      expect(res.status).toBe(200);
      expect(tabErd(res).nodes).toHaveLength(13);
    }
    expect(forOthers().slice(upstream)).toEqual([]);
  });
});
