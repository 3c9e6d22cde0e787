import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ARTIFACTS_DIR } from './cliHarness';

export type Json = Record<string, any>;

/** The relationships test stg_payments.order_id → stg_orders.order_id. */
export const PAYMENTS_TEST =
  'test.acme_analytics.relationships_stg_payments_order_id__order_id__ref_stg_orders_.b6274f5544';
export const STG_ORDERS = 'model.acme_analytics.stg_orders';

export function readDemo(file: string): Json {
  return JSON.parse(readFileSync(join(DEMO_ARTIFACTS_DIR, file), 'utf8'));
}

export interface DemoFiles {
  manifest: Json;
  catalog: Json;
}

/** The demo artifacts, parsed and edited. */
export function demoFiles(
  edit: (files: DemoFiles) => void = () => {},
): DemoFiles {
  const files = {
    manifest: readDemo('manifest.json'),
    catalog: readDemo('catalog.json'),
  };
  edit(files);
  return files;
}

/** A target/ folder of the demo artifacts, edited as a pull request would. */
export function artifactsDir(
  dir: string,
  edit: (files: DemoFiles) => void = () => {},
): string {
  const files = demoFiles(edit);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(files.manifest));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(files.catalog));
  return dir;
}

/** The pull request's change: the relationships test deleted. */
export function deletePaymentsTest({ manifest }: { manifest: Json }) {
  delete manifest.nodes[PAYMENTS_TEST];
}
