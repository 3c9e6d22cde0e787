import { assembleArtifacts } from './assemble';
import { scaledProjectSpec } from './scaledProject';
import { materialize } from './writeJsonStream';

function manifestBytes(models: number, sqlPadding: number, seed?: number) {
  const { manifest } = assembleArtifacts(
    scaledProjectSpec({ models, sqlPadding, seed }),
  );
  return Buffer.byteLength(JSON.stringify(materialize(manifest)));
}

/**
 * Chooses a model count, or the SQL padding for a given count, so that the
 * manifest comes out near `targetBytes`. Size is linear in models and
 * padding, so three small in-memory samples give the coefficients: fixed
 * bytes (macros, docs), bytes per model, bytes per padding block.
 */
export function planSqlPadding(options: {
  targetBytes: number;
  models?: number;
  seed?: number;
}): { models: number; sqlPadding: number } {
  const small = manifestBytes(100, 0, options.seed);
  const large = manifestBytes(200, 0, options.seed);
  const padded = manifestBytes(200, 2, options.seed);
  const perModel = (large - small) / 100;
  const fixed = small - 100 * perModel;
  const perPadding = (padded - large) / (200 * 2);
  if (!options.models) {
    const models = Math.max(
      1,
      Math.round((options.targetBytes - fixed) / perModel),
    );
    return { models, sqlPadding: 0 };
  }
  const missing = options.targetBytes - fixed - options.models * perModel;
  return {
    models: options.models,
    sqlPadding: Math.max(0, missing / (options.models * perPadding)),
  };
}
