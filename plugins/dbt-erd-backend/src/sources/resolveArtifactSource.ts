import { CacheService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DBT_ARTIFACTS_LOCATION_ANNOTATION,
  DBT_CLOUD_ACCOUNT_ANNOTATION,
  DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_CLOUD_RUN_ID_ANNOTATION,
  DBT_SOURCE_ANNOTATIONS,
} from 'backstage-plugin-dbt-erd-common';
import { DEFAULT_MAX_ARTIFACT_BYTES } from 'backstage-plugin-dbt-erd-node';
import { DbtErdConfig } from '../config/readDbtErdConfig';
import {
  guardCloudSource,
  guardLocalSource,
} from '../services/access/guardArtifactSource';
import { SourceAccessGuard } from '../services/access/SourceAccessGuard';
import { DbtCloudAccounts } from '../services/DbtCloudAccounts';
import { ArtifactSource } from './ArtifactSource';
import { DbtCloudEnvironmentSource } from './DbtCloudEnvironmentSource';
import { DbtCloudJobSource } from './DbtCloudJobSource';
import { DbtCloudRunSource } from './DbtCloudRunSource';
import { LocalProjectSource } from './LocalProjectSource';
import { UrlArtifactsSource } from './UrlArtifactsSource';
import { validateFolderUrl } from './validateFolderUrl';

export interface ArtifactSourceContext {
  config: DbtErdConfig;
  accounts: DbtCloudAccounts;
  cache: CacheService;
  urlReader: UrlReaderService;
  /** Checks who may use which account, project and local project. */
  access?: SourceAccessGuard;
}

/**
 * Turns an entity's annotations into the source of its artifacts. Every
 * annotation value is validated here, before any request leaves the backend.
 * Precedence: run id, then job id, then environment id, then artifacts location.
 */
export function resolveArtifactSource(
  entity: Entity,
  context: ArtifactSourceContext,
): ArtifactSource {
  const annotations = entity.metadata.annotations ?? {};
  const value = (name: string) => annotations[name]?.trim() || undefined;

  const runId = value(DBT_CLOUD_RUN_ID_ANNOTATION);
  const jobId = value(DBT_CLOUD_JOB_ID_ANNOTATION);
  const environmentId = value(DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION);
  if (runId || jobId || environmentId) {
    const client = context.accounts.clientFor(
      value(DBT_CLOUD_ACCOUNT_ANNOTATION),
    );
    let source: ArtifactSource;
    if (runId) {
      source = new DbtCloudRunSource(
        client,
        readId(runId, DBT_CLOUD_RUN_ID_ANNOTATION),
        context.cache,
      );
    } else if (jobId) {
      source = new DbtCloudJobSource(
        client,
        readId(jobId, DBT_CLOUD_JOB_ID_ANNOTATION),
        context.cache,
      );
    } else {
      source = new DbtCloudEnvironmentSource(
        client,
        readId(environmentId!, DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION),
        context.cache,
      );
    }
    return guardCloudSource(source, entity, client, context);
  }

  const location = value(DBT_ARTIFACTS_LOCATION_ANNOTATION);
  if (location) {
    return resolveArtifactsLocation(location, entity, context);
  }
  throw new InputError(
    `Entity has no dbt annotation: add one of ${DBT_SOURCE_ANNOTATIONS.join(
      ', ',
    )}`,
  );
}

function readId(value: string, annotation: string): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new InputError(
      `${annotation} must be a numeric dbt Cloud id, got "${truncate(value)}"`,
    );
  }
  return id;
}

function resolveArtifactsLocation(
  location: string,
  entity: Entity,
  context: ArtifactSourceContext,
): ArtifactSource {
  const { config, urlReader, cache } = context;
  const separator = location.indexOf(':');
  const scheme = separator > 0 ? location.slice(0, separator) : '';
  const target = location.slice(separator + 1).trim();
  if (scheme === 'local') {
    const project = config.localProjects.find(p => p.name === target);
    if (!project) {
      const names = config.localProjects.map(p => p.name);
      throw new InputError(
        `${DBT_ARTIFACTS_LOCATION_ANNOTATION} names local project "${truncate(
          target,
        )}", which is not configured; ${
          names.length
            ? `configured: ${names.join(', ')}`
            : 'add it under dbtErd.localProjects in app-config'
        }`,
      );
    }
    return guardLocalSource(
      new LocalProjectSource(project),
      entity,
      project,
      context,
    );
  }
  if (scheme === 'url') {
    return new UrlArtifactsSource(validateFolderUrl(target), {
      urlReader,
      cache,
      maxBytes: config.client.maxArtifactBytes ?? DEFAULT_MAX_ARTIFACT_BYTES,
    });
  }
  throw new InputError(
    `${DBT_ARTIFACTS_LOCATION_ANNOTATION} must start with "local:" or "url:", got "${truncate(
      location,
    )}"`,
  );
}

function truncate(value: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
