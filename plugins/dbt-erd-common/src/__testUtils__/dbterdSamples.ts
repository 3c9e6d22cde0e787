import fs from 'fs';
import path from 'path';
import { buildErd } from '../engine/buildErd';
import { ErdOptions } from '../engine/types';

/**
 * dbterd's conformance samples and reference outputs, ../shared/dbterd-samples
 * relative to the repo root: never copied into the repo, so a fresh clone
 * has none and the suites that read them say so.
 */
export const SAMPLES_DIR = path.resolve(
  __dirname,
  '../../../../../shared/dbterd-samples',
);

/** One case of cases.json: dbterd's output for a sample, a target, an algorithm and options. */
export interface ConformanceCase {
  sample: string;
  target: string;
  algo: string;
  options: {
    entityGroup?: string;
    entityNameFormat?: string;
    omitColumns?: boolean;
  };
  expected: string;
}

/** The cases of cases.json, or undefined when the samples are not there. */
export function readConformanceCases(): ConformanceCase[] | undefined {
  const casesFile = path.join(SAMPLES_DIR, 'cases.json');
  if (!fs.existsSync(casesFile)) return undefined;
  return (
    JSON.parse(fs.readFileSync(casesFile, 'utf8')) as {
      cases: ConformanceCase[];
    }
  ).cases;
}

/**
 * A case's artifacts as bytes, its build options, and what buildErd builds
 * from the parsed artifacts: what every other way of building must match.
 */
export function conformanceReference(c: ConformanceCase) {
  const dir = path.join(SAMPLES_DIR, 'samples', c.sample);
  const manifest = fs.readFileSync(path.join(dir, 'manifest.json'));
  const catalog = fs.readFileSync(path.join(dir, 'catalog.json'));
  const options: Partial<ErdOptions> = { algo: c.algo, ...c.options };
  const expected = buildErd(
    {
      manifest: JSON.parse(manifest.toString('utf8')),
      catalog: JSON.parse(catalog.toString('utf8')),
    },
    options,
  );
  return { manifest, catalog, options, expected };
}
