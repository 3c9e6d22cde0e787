import {
  CacheService,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import { DBT_ARTIFACTS_LOCATION_ANNOTATION } from 'backstage-plugin-dbt-erd-common';
import { DbtArtifactError } from 'backstage-plugin-dbt-erd-node';
import { createHash } from 'node:crypto';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { JOB_LOOKUP_TTL_MS } from './DbtCloudJobSource';
import { limitBytes } from './limitBytes';

type ArtifactFile = 'manifest.json' | 'catalog.json';

/** The ETags of a folder's artifacts when last checked; `null`: no catalog.json. */
interface FolderVersion {
  manifest: string | null;
  catalog: string | null;
  checkedAt: number;
}

/** How long the last check's ETags are kept to be revalidated against. */
const VERSION_TTL_MS = 24 * 60 * 60_000;

export interface UrlArtifactsSourceOptions {
  urlReader: UrlReaderService;
  cache: CacheService;
  /** `dbtErd.cloud.maxArtifactBytes`: the same limit as for dbt Cloud downloads. */
  maxBytes: number;
}

/**
 * A folder of artifacts behind a URL (GitHub, GitLab, S3, GCS, Azure...),
 * read through Backstage's UrlReaderService so the app's integrations and
 * their allow-lists decide what may be read. The version is the files'
 * ETags: at most once per lookup period the reader is asked with the last
 * ETag, and `NotModifiedError` means the index built for it still holds.
 * A changed file's answer is kept and streamed by `fetch`, so it is read once.
 */
export class UrlArtifactsSource implements ArtifactSource {
  private readonly fresh = new Map<
    ArtifactFile,
    UrlReaderServiceReadUrlResponse
  >();

  constructor(
    private readonly folderUrl: string,
    private readonly options: UrlArtifactsSourceOptions,
  ) {}

  lookupKey() {
    return `lookup:v3:url:${this.folderUrl}`;
  }

  async locate(): Promise<LocatedArtifacts> {
    const { cache } = this.options;
    const last = (await cache.get(this.lookupKey())) as
      | FolderVersion
      | undefined;
    let version = last;
    if (!last || Date.now() - last.checkedAt >= JOB_LOOKUP_TTL_MS) {
      const [manifest, catalog] = await Promise.all([
        this.check('manifest.json', last?.manifest ?? null),
        this.check('catalog.json', last?.catalog ?? null),
      ]);
      version = { manifest, catalog, checkedAt: Date.now() };
      await cache.set(this.lookupKey(), version as any, {
        ttl: VERSION_TTL_MS,
      });
    }
    return {
      key: `url:${this.folderUrl}:${versionId(version!)}`,
      info: { kind: 'url', name: this.folderUrl, url: this.folderUrl },
    };
  }

  async fetch<T>(
    _located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T> {
    const [manifest, catalog] = await Promise.all([
      this.open('manifest.json'),
      this.open('catalog.json').catch(error => {
        if (isError(error) && error.name === 'NotFoundError') return undefined;
        throw error;
      }),
    ]);
    return read({ manifest: manifest!, catalog, warnings: [] });
  }

  /**
   * The file's ETag now: the last one when the reader says not modified,
   * else the new answer's (kept for `fetch`). A reader that gives no ETag
   * leaves only time to version by: the lookup period.
   */
  private async check(
    file: ArtifactFile,
    etag: string | null,
  ): Promise<string | null> {
    try {
      const response = await this.read(file, etag ?? undefined);
      this.fresh.set(file, response);
      return (
        response.etag ?? `period:${Math.floor(Date.now() / JOB_LOOKUP_TTL_MS)}`
      );
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && etag) {
        return etag;
      }
      if (file === 'catalog.json' && isError(error)) {
        if (error.name === 'NotFoundError') return null;
      }
      throw error;
    }
  }

  /** The file as a byte stream, cut off past `maxBytes`. */
  private async open(file: ArtifactFile): Promise<AsyncIterable<Uint8Array>> {
    let response = this.fresh.get(file);
    this.fresh.delete(file);
    response ??= await this.read(file);
    const chunks: AsyncIterable<Uint8Array> = response.stream
      ? response.stream()
      : oneChunk(response.buffer());
    return limitBytes(chunks, this.options.maxBytes, () =>
      this.readError(
        file,
        `is larger than the ${this.options.maxBytes} byte limit (dbtErd.cloud.maxArtifactBytes)`,
      ),
    );
  }

  private async read(
    file: ArtifactFile,
    etag?: string,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const url = this.fileUrl(file);
    try {
      return await this.options.urlReader.readUrl(url, { etag });
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError') throw error;
      if (isError(error) && error.name === 'NotAllowedError') {
        throw new InputError(
          `${DBT_ARTIFACTS_LOCATION_ANNOTATION}: reading ${this.folderUrl} is not allowed by the app's integrations; configure an integration for its host`,
        );
      }
      if (isError(error) && error.name === 'NotFoundError') {
        throw new NotFoundError(`${file} not found at ${url}`);
      }
      throw this.readError(
        file,
        `could not be read from ${url}: ${
          isError(error) ? error.message : 'unknown error'
        }`,
      );
    }
  }

  private readError(file: ArtifactFile, problem: string) {
    return new DbtArtifactError(file, `${file} ${problem}`);
  }

  /**
   * Resolved as a URL, not pasted as text, so the file name can only ever
   * be a child of the folder.
   */
  private fileUrl(file: ArtifactFile): string {
    return new URL(file, `${this.folderUrl}/`).toString();
  }
}

function versionId({ manifest, catalog }: FolderVersion): string {
  return createHash('sha1')
    .update(JSON.stringify([manifest, catalog]))
    .digest('base64url');
}

async function* oneChunk(buffer: Promise<Buffer>): AsyncIterable<Uint8Array> {
  yield await buffer;
}
