import { DbtArtifactError } from '../errors';
import {
  ACCOUNT_ID,
  catalog,
  clientFor,
  failureOf,
  jobManifest,
  manifest,
  paths,
  recordingLogger,
  runArtifactPath,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudArtifactStreams } from './types';
import { DbtCloudArtifactTooLargeError, DbtCloudNotFoundError } from './errors';

/**
 * Times are checked only against this generous guard, with the waits the
 * client must not sit out made far longer than it: a busy machine is slow,
 * not wrong.
 */
const GUARD_MS = 10_000;

async function waitFor(
  condition: () => boolean,
  timeoutMs = GUARD_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('DbtCloudClient artifacts', () => {
  const fake = useFakeDbtCloud();

  it('downloads bytes into one buffer sized from Content-Length', async () => {
    const bytes = await fake.client.getRunArtifact(123, 'manifest.json');
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(manifest);
    // The buffer owns exactly the artifact's bytes: no pooled slab, no growth.
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('downloads bytes without Content-Length (chunked) too', async () => {
    fake.server.inject(runArtifactPath(123, 'manifest.json'), {
      kind: 'chunked',
    });
    const bytes = await fake.client.getRunArtifact(123, 'manifest.json');
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(manifest);
  });

  it('parses an artifact while it streams', async () => {
    fake.server.inject(runArtifactPath(123, 'catalog.json'), {
      kind: 'chunked',
    });
    await expect(
      fake.client.getRunArtifactJson(123, 'manifest.json'),
    ).resolves.toEqual(manifest);
    await expect(
      fake.client.getRunArtifactJson(123, 'catalog.json'),
    ).resolves.toEqual(catalog);
  });

  it("reads a job's latest artifact", async () => {
    await expect(
      fake.client.getJobArtifactJson(47, 'manifest.json'),
    ).resolves.toEqual(jobManifest);
    const bytes = await fake.client.getJobArtifact(47, 'catalog.json');
    expect(JSON.parse(bytes.toString())).toEqual(catalog);
    expect(
      fake.server.requestCount(
        paths.jobArtifact(ACCOUNT_ID, 47, 'manifest.json'),
      ),
    ).toBe(1);
  });

  it('fetches run, manifest and catalog of a run in parallel', async () => {
    fake.server.inject(runArtifactPath(123, 'manifest.json'), {
      kind: 'slow-body',
      delayMs: 20,
      chunkBytes: 64,
    });
    const result = await fake.client.fetchRunArtifacts(123);
    expect(result).toEqual({
      manifest,
      catalog,
      run: expect.objectContaining({
        id: 123,
        finishedAt: '2024-05-02T10:00:00Z',
      }),
      warnings: [],
    });
    const manifestRequest = fake.server.requests.find(
      r => r.path === runArtifactPath(123, 'manifest.json'),
    )!;
    const catalogRequest = fake.server.requests.find(
      r => r.path === runArtifactPath(123, 'catalog.json'),
    )!;
    expect(catalogRequest.startedAt).toBeLessThan(manifestRequest.finishedAt!);
  });

  describe('reading a run as it streams', () => {
    /** Joins the manifest's chunks; how many chunks and reads there were. */
    function collecting() {
      const seen = { reads: 0, chunks: 0 };
      const read = async ({
        manifest: stream,
        ...rest
      }: DbtCloudArtifactStreams) => {
        seen.reads += 1;
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(Buffer.from(chunk));
        seen.chunks = chunks.length;
        return {
          manifest: JSON.parse(Buffer.concat(chunks).toString()),
          ...rest,
        };
      };
      return { read, seen };
    }

    it('hands the reader the manifest as it streams and the catalog as bytes', async () => {
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'slow-body',
        delayMs: 5,
        chunkBytes: 64,
      });
      const { read, seen } = collecting();
      const result = await fake.client.readRunArtifacts(123, read);
      expect(result.manifest).toEqual(manifest);
      expect(JSON.parse(Buffer.from(result.catalog!).toString())).toEqual(
        catalog,
      );
      expect(result.run).toMatchObject({ id: 123 });
      expect(result.warnings).toEqual([]);
      expect(seen).toEqual({ reads: 1, chunks: expect.any(Number) });
      expect(seen.chunks).toBeGreaterThan(1);
    });

    it('says when the run has no catalog', async () => {
      const result = await fake.client.readRunArtifacts(200, collecting().read);
      expect(result.manifest).toEqual(manifest);
      expect(result.catalog).toBeUndefined();
      expect(result.warnings).toEqual([
        expect.stringMatching(/^catalog\.json not found for dbt Cloud run 200/),
      ]);
    });

    it('reads again from the first byte when the connection breaks midway', async () => {
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'reset-mid-body',
      });
      const { read, seen } = collecting();
      const result = await fake.client.readRunArtifacts(123, read);
      expect(result.manifest).toEqual(manifest);
      expect(seen.reads).toBe(2);
      expect(
        fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
      ).toBe(2);
    });

    it("passes the reader's own failure on, without downloading again", async () => {
      const failure = new Error('not a manifest');
      const { error } = await failureOf(() =>
        fake.client.readRunArtifacts(123, async () => {
          throw failure;
        }),
      );
      expect(error).toBe(failure);
      expect(
        fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
      ).toBe(1);
    });

    it('cuts the stream off as soon as it passes the size limit', async () => {
      const small = clientFor(fake.server, { maxArtifactBytes: 1000 });
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'oversized',
        bytes: 50_000_000,
        contentLength: false,
      });
      const { error, ms } = await failureOf(() =>
        small.readRunArtifacts(123, collecting().read),
      );
      await small.close();
      expect(error).toBeInstanceOf(DbtCloudArtifactTooLargeError);
      expect(ms).toBeLessThan(GUARD_MS);
    });
  });

  it('treats a missing catalog as a warning, not a failure', async () => {
    const result = await fake.client.fetchRunArtifacts(200);
    expect(result.manifest).toEqual(manifest);
    expect(result.catalog).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^catalog\.json not found for dbt Cloud run 200; column types are missing/,
      ),
    ]);
  });

  it("fetches a job's newest successful run with docs", async () => {
    const result = await fake.client.fetchJobArtifacts(45);
    expect(result.run?.id).toBe(123);
    expect(result.catalog).toEqual(catalog);
    expect(result.warnings).toEqual([]);
    expect(
      fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
    ).toBe(1);
  });

  it("falls back to the job's latest artifacts when no run qualifies", async () => {
    const result = await fake.client.fetchJobArtifacts(47);
    expect(result).toEqual({
      manifest: jobManifest,
      catalog,
      run: undefined,
      warnings: [
        "no successful run with docs generated for job 47 in account main; showing the job's latest artifacts",
      ],
    });
  });

  it('fails with both reasons when the fallback has no manifest either', async () => {
    const { error } = await failureOf(() => fake.client.fetchJobArtifacts(48));
    expect(error).toBeInstanceOf(DbtCloudNotFoundError);
    expect(error.message).toBe(
      'no successful run with docs generated for job 48 in account main, and the job has no manifest.json artifact (404)',
    );
  });

  it('names the file and run when an artifact is not valid JSON, without retrying', async () => {
    fake.server.inject(runArtifactPath(123, 'manifest.json'), {
      kind: 'truncated-json',
    });
    const { error } = await failureOf(() =>
      fake.client.getRunArtifactJson(123, 'manifest.json'),
    );
    expect(error).toBeInstanceOf(DbtArtifactError);
    expect(error.file).toBe('manifest.json');
    expect(error.message).toMatch(
      /^manifest\.json from dbt Cloud run 123 is not valid JSON/,
    );
    expect(
      fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
    ).toBe(1);
  });

  describe('size limit', () => {
    const limited = () =>
      clientFor(fake.server, {
        maxArtifactBytes: 1000,
        timeoutMs: 120_000,
        artifactTimeoutMs: 120_000,
      });

    it('refuses an artifact whose Content-Length passes the limit, without reading it', async () => {
      const small = limited();
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'oversized',
        bytes: 50_000_000,
      });
      const { error, ms } = await failureOf(() =>
        small.getRunArtifact(123, 'manifest.json'),
      );
      await small.close();
      expect(error).toBeInstanceOf(DbtCloudArtifactTooLargeError);
      expect(error.name).toBe('DbtCloudArtifactTooLargeError');
      expect(error.message).toBe(
        'manifest.json from dbt Cloud run 123 is larger than the 1000 bytes limit (dbtErd.cloud.maxArtifactBytes)',
      );
      expect(
        fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
      ).toBe(1);
      expect(ms).toBeLessThan(GUARD_MS);
    });

    it('stops a streamed artifact as soon as it passes the limit', async () => {
      const small = limited();
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'oversized',
        bytes: 50_000_000,
        contentLength: false,
      });
      const { error, ms } = await failureOf(() =>
        small.getRunArtifactJson(123, 'manifest.json'),
      );
      await small.close();
      expect(error).toBeInstanceOf(DbtCloudArtifactTooLargeError);
      expect(
        fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
      ).toBe(1);
      expect(ms).toBeLessThan(GUARD_MS);
    });

    it('states the default limit in megabytes', async () => {
      fake.server.inject(runArtifactPath(123, 'manifest.json'), {
        kind: 'oversized',
        bytes: 512 * 1024 * 1024 + 1,
      });
      const { error } = await failureOf(() =>
        fake.client.getRunArtifact(123, 'manifest.json'),
      );
      expect(error.message).toBe(
        'manifest.json from dbt Cloud run 123 is larger than the 512 MB limit (dbtErd.cloud.maxArtifactBytes)',
      );
    });
  });

  it('aborts the sibling download when one of the pair fails', async () => {
    // Time-outs far beyond the guard: only the sibling's failure can end it in time.
    const patient = clientFor(fake.server, {
      timeoutMs: 120_000,
      artifactTimeoutMs: 120_000,
    });
    fake.server.inject(runArtifactPath(123, 'catalog.json'), { kind: 'hang' });
    fake.server.inject(runArtifactPath(123, 'manifest.json'), {
      kind: 'status',
      status: 401,
    });
    const { error, ms } = await failureOf(() => patient.fetchRunArtifacts(123));
    await patient.close();
    expect(error.name).toBe('DbtCloudAuthError');
    expect(ms).toBeLessThan(GUARD_MS);
    // The hung catalog request was cut, not left downloading in the background.
    const catalogRequest = fake.server.requests.find(
      r => r.path === runArtifactPath(123, 'catalog.json'),
    )!;
    await waitFor(() => catalogRequest.finishedAt !== undefined);
  });

  it('stops when the caller aborts', async () => {
    const patient = clientFor(fake.server, {
      timeoutMs: 120_000,
      artifactTimeoutMs: 120_000,
    });
    fake.server.inject(runArtifactPath(123, 'manifest.json'), { kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller went away')), 50);
    const { error, ms } = await failureOf(() =>
      patient.getRunArtifact(123, 'manifest.json', {
        signal: controller.signal,
      }),
    );
    await patient.close();
    expect(error.message).toBe('caller went away');
    expect(ms).toBeLessThan(GUARD_MS);
    expect(
      fake.server.requestCount(runArtifactPath(123, 'manifest.json')),
    ).toBe(1);
  });

  it('logs the download URL and outcome, like dbterd', async () => {
    const logger = recordingLogger();
    const logged = clientFor(fake.server, { logger });
    await logged.getRunArtifactJson(123, 'manifest.json');
    await logged.close();
    expect(logger.lines).toEqual([
      `info: Downloading manifest.json from dbt Cloud run 123 [URL: ${
        fake.server.url
      }${runArtifactPath(123, 'manifest.json')}]`,
      `debug: GET ${fake.server.url}${runArtifactPath(
        123,
        'manifest.json',
      )} (attempt 1)`,
      expect.stringMatching(
        /^info: Downloaded manifest\.json from dbt Cloud run 123 \(\d+ bytes\) in [\d.]+ s$/,
      ),
    ]);
  });
});
