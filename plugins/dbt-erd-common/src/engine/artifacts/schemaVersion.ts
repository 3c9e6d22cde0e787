import { ErdInputError } from '../errors';
import { JsonRecord, readRecord, readString } from './readers';

/** Manifest schemas the engine was written against (v20 is dbt Fusion). */
export const SUPPORTED_MANIFEST_VERSIONS: readonly number[] = [
  4, 5, 6, 7, 8, 9, 10, 11, 12, 20,
];

const OLDEST_MANIFEST_VERSION = 4;

/** `https://schemas.getdbt.com/dbt/manifest/v12.json` -> 12. */
export function parseSchemaVersion(schemaUrl: string | null): number | null {
  const match = /\/v(\d+)(?:\.json)?\s*$/i.exec(schemaUrl ?? '');
  return match ? Number(match[1]) : null;
}

export interface ManifestVersionCheck {
  version: number | null;
  warnings: string[];
}

/**
 * Reads `metadata.dbt_schema_version`. Versions older than v4 lack fields the
 * ERD needs, so they are refused; unknown newer ones are read as the latest
 * known shape with a warning rather than refused, since dbt adds fields far
 * more often than it moves them.
 */
export function checkManifestVersion(
  manifest: JsonRecord,
): ManifestVersionCheck {
  const metadata = readRecord(manifest, 'metadata', {
    file: 'manifest.json',
    path: '',
  });
  const schemaUrl = readString(metadata, 'dbt_schema_version');
  const version = parseSchemaVersion(schemaUrl);
  if (version === null) {
    return {
      version,
      warnings: [
        'manifest.json: metadata.dbt_schema_version is missing or unreadable; ' +
          'reading it as the latest known manifest schema',
      ],
    };
  }
  if (version < OLDEST_MANIFEST_VERSION) {
    throw new ErdInputError(
      `manifest.json: metadata.dbt_schema_version is v${version}, which is not supported; ` +
        `regenerate the artifacts with dbt 1.0 or newer (manifest v${OLDEST_MANIFEST_VERSION} or later)`,
    );
  }
  if (!SUPPORTED_MANIFEST_VERSIONS.includes(version)) {
    return {
      version,
      warnings: [
        `manifest.json: schema v${version} is newer than the engine knows; ` +
          'reading it as the latest known manifest schema',
      ],
    };
  }
  return { version, warnings: [] };
}
