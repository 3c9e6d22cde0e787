import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import { DBT_ARTIFACTS_LOCATION_ANNOTATION } from 'backstage-plugin-dbt-erd-common';
import {
  DbtArtifactError,
  parseArtifactJson,
} from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { JOB_LOOKUP_TTL_MS } from './DbtCloudJobSource';

/**
 * A folder of artifacts behind a URL (GitHub, GitLab, S3, GCS, Azure...),
 * read through Backstage's UrlReaderService so the app's integrations and
 * their allow-lists decide what may be read.
 */
export class UrlArtifactsSource implements ArtifactSource {
  constructor(
    private readonly folderUrl: string,
    private readonly urlReader: UrlReaderService,
  ) {}

  async locate(): Promise<LocatedArtifacts> {
    // A folder URL names no version; re-read at most once per lookup period.
    const period = Math.floor(Date.now() / JOB_LOOKUP_TTL_MS);
    return {
      key: `url:${this.folderUrl}:${period}`,
      info: { kind: 'url', name: this.folderUrl, url: this.folderUrl },
    };
  }

  async fetch(): Promise<FetchedArtifacts> {
    const [manifest, catalog] = await Promise.all([
      this.read('manifest.json'),
      this.read('catalog.json').catch(error => {
        if (isError(error) && error.name === 'NotFoundError') return undefined;
        throw error;
      }),
    ]);
    return { manifest, catalog };
  }

  private async read(file: 'manifest.json' | 'catalog.json'): Promise<unknown> {
    // Resolved as a URL, not pasted as text, so the file name can only ever
    // be a child of the folder.
    const url = new URL(file, `${this.folderUrl}/`).toString();
    let text: string;
    try {
      const response = await this.urlReader.readUrl(url);
      text = (await response.buffer()).toString('utf8');
    } catch (error) {
      if (isError(error) && error.name === 'NotAllowedError') {
        throw new InputError(
          `${DBT_ARTIFACTS_LOCATION_ANNOTATION}: reading ${this.folderUrl} is not allowed by the app's integrations; configure an integration for its host`,
        );
      }
      if (isError(error) && error.name === 'NotFoundError') {
        throw new NotFoundError(`${file} not found at ${url}`);
      }
      throw new DbtArtifactError(
        file,
        `${file} could not be read from ${url}: ${
          isError(error) ? error.message : 'unknown error'
        }`,
      );
    }
    return parseArtifactJson(text, file);
  }
}
