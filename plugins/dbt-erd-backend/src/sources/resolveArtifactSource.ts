import { Entity } from '@backstage/catalog-model';
import { InputError, NotImplementedError } from '@backstage/errors';
import {
  DBT_ARTIFACTS_LOCATION_ANNOTATION,
  DBT_SOURCE_ANNOTATIONS,
} from 'backstage-plugin-dbt-erd-common';
import { DbtErdConfig } from '../config/readDbtErdConfig';
import { ArtifactSource } from './ArtifactSource';
import { LocalProjectSource } from './LocalProjectSource';

/**
 * Turns an entity's annotations into the source of its artifacts. Every
 * annotation value is validated here, before any request leaves the backend.
 */
export function resolveArtifactSource(
  entity: Entity,
  config: DbtErdConfig,
): ArtifactSource {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations[DBT_ARTIFACTS_LOCATION_ANNOTATION]?.trim();
  if (location) {
    return resolveArtifactsLocation(location, config);
  }
  if (DBT_SOURCE_ANNOTATIONS.some(name => annotations[name]?.trim())) {
    throw new NotImplementedError(
      'dbt Cloud annotations are not supported by this version of the dbt-erd backend yet',
    );
  }
  throw new InputError(
    `Entity has no dbt annotation: add one of ${DBT_SOURCE_ANNOTATIONS.join(', ')}`,
  );
}

function resolveArtifactsLocation(
  location: string,
  config: DbtErdConfig,
): ArtifactSource {
  const separator = location.indexOf(':');
  const scheme = separator > 0 ? location.slice(0, separator) : '';
  const target = location.slice(separator + 1).trim();
  if (scheme === 'local') {
    const project = config.localProjects.find(p => p.name === target);
    if (!project) {
      const names = config.localProjects.map(p => p.name);
      throw new InputError(
        `${DBT_ARTIFACTS_LOCATION_ANNOTATION} names local project "${truncate(target)}", which is not configured; ${ 
          names.length
            ? `configured: ${names.join(', ')}`
            : 'add it under dbtErd.localProjects in app-config'}`,
      );
    }
    return new LocalProjectSource(project);
  }
  throw new InputError(
    `${DBT_ARTIFACTS_LOCATION_ANNOTATION} must start with "local:" or "url:", got "${truncate(location)}"`,
  );
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
