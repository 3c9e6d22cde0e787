import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The dev app's demo dbt project (examples/dbt/target, written by `yarn generate-demo`). */
export const DEMO_TARGET = resolve(
  __dirname,
  '../../../../examples/dbt/target',
);

const read = (file: string) =>
  JSON.parse(readFileSync(resolve(DEMO_TARGET, file), 'utf8'));

/** The demo's artifacts as a fake dbt Cloud run serves them. */
export const demoArtifacts = {
  'manifest.json': read('manifest.json'),
  'catalog.json': read('catalog.json'),
};
