/**
 * Synthetic dbt artifacts (manifest v12, catalog v1) for the demo, tests and
 * benchmarks, since dbt itself is not available where they run.
 */
import type { DbtArtifactsJson } from './artifactsJson';
import { assembleArtifacts } from './assemble';
import { demoProjectSpec } from './demoProject';
import { formatJson } from './formatJson';
import { hostileArtifacts } from './hostileProject';
import { scaledProjectSpec, type ScaledProjectOptions } from './scaledProject';
import { materialize } from './writeJsonStream';

export { writeScaledArtifacts } from './writeScaledArtifacts';
export type { ScaledProjectOptions } from './scaledProject';
export { DEMO_PROJECT } from './demoProject';
export { HOSTILE_COLUMN, HOSTILE_TEXT } from './hostileProject';

export type { DbtArtifactsJson } from './artifactsJson';

/** The demo project's artifacts, identical to examples/dbt/target. */
export function generateDemoArtifacts(): DbtArtifactsJson {
  const lazy = assembleArtifacts(demoProjectSpec());
  return {
    manifest: materialize(lazy.manifest) as Record<string, any>,
    catalog: materialize(lazy.catalog) as Record<string, any>,
  };
}

/**
 * A scaled project held in memory. Meant for small N (tests): past a few
 * thousand models use {@link writeScaledArtifacts}, which streams to disk.
 */
export function generateScaledArtifacts(
  options: ScaledProjectOptions,
): DbtArtifactsJson {
  const lazy = assembleArtifacts(scaledProjectSpec(options));
  return {
    manifest: materialize(lazy.manifest) as Record<string, any>,
    catalog: materialize(lazy.catalog) as Record<string, any>,
  };
}

/** The demo with hostile names and descriptions, as under examples/dbt/hostile. */
export function generateHostileArtifacts(): DbtArtifactsJson {
  return hostileArtifacts(generateDemoArtifacts());
}

/** The demo artifacts as the text committed under examples/dbt/target. */
export function formatDemoJson(value: unknown): string {
  return formatJson(value);
}
