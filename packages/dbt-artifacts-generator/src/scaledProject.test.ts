import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScaledArtifacts, writeScaledArtifacts } from './index';
import { MANIFEST_KEYS, MODEL_FIELDS, danglingReferences } from './testing';

describe('generateScaledArtifacts', () => {
  const { manifest, catalog } = generateScaledArtifacts({ models: 50 });
  const nodes = Object.values<any>(manifest.nodes);
  const models = nodes.filter(n => n.resource_type === 'model');
  const tests = nodes.filter(n => n.resource_type === 'test');
  const countTests = (name: string) =>
    tests.filter(t => t.test_metadata.name === name).length;

  it('has the requested models with realistic companions', () => {
    expect(Object.keys(manifest)).toEqual(MANIFEST_KEYS);
    expect(models).toHaveLength(50);
    for (const model of models) {
      expect(Object.keys(model)).toEqual(MODEL_FIELDS);
    }
    const columns = models.map(m => Object.keys(m.columns).length);
    const meanColumns = columns.reduce((a, b) => a + b) / columns.length;
    expect(meanColumns).toBeGreaterThan(16);
    expect(meanColumns).toBeLessThan(24);
    expect(countTests('relationships') / 50).toBeGreaterThan(0.9);
    expect(countTests('relationships') / 50).toBeLessThan(1.5);
    expect(countTests('unique')).toBeGreaterThanOrEqual(50);
    expect(countTests('not_null')).toBeGreaterThanOrEqual(50);
    expect(Object.keys(manifest.semantic_models).length).toBeGreaterThan(0);
    expect(Object.keys(manifest.macros)).toHaveLength(1000);
    expect(Object.keys(manifest.sources).length).toBeGreaterThan(0);
    expect(new Set(models.map(m => m.schema)).size).toBeGreaterThanOrEqual(3);
    expect(danglingReferences(manifest)).toEqual([]);
  });

  it('is as large per model as real manifests (1-3 MB per 50 models)', () => {
    const bytes = Buffer.byteLength(JSON.stringify(manifest));
    expect(bytes / 50).toBeGreaterThan(20_000);
    expect(bytes / 50).toBeLessThan(60_000);
  });

  it('catalogs every model and source', () => {
    expect(Object.keys(catalog.nodes)).toHaveLength(50 + 1);
    for (const id of Object.keys(catalog.nodes)) {
      expect(manifest.nodes).toHaveProperty([id]);
    }
    expect(Object.keys(catalog.sources).sort()).toEqual(
      Object.keys(manifest.sources).sort(),
    );
  });

  it('is deterministic for a seed', () => {
    const again = generateScaledArtifacts({ models: 50 });
    expect(JSON.stringify(again.manifest)).toBe(JSON.stringify(manifest));
    const other = generateScaledArtifacts({ models: 50, seed: 2 });
    expect(JSON.stringify(other.manifest)).not.toBe(JSON.stringify(manifest));
  });

  it('grows SQL with sqlPadding', () => {
    const padded = generateScaledArtifacts({ models: 50, sqlPadding: 2 });
    expect(JSON.stringify(padded.manifest).length).toBeGreaterThan(
      JSON.stringify(manifest).length + 50 * 2 * 1000,
    );
  });
});

describe('writeScaledArtifacts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbt-artifacts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the same JSON as the in-memory generator', async () => {
    const options = { models: 30, seed: 11, sqlPadding: 0.5 };
    const result = await writeScaledArtifacts({ ...options, outDir: dir });
    const expected = generateScaledArtifacts(options);
    const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
    const catalogText = await readFile(join(dir, 'catalog.json'), 'utf8');
    expect(manifestText).toBe(JSON.stringify(expected.manifest));
    expect(catalogText).toBe(JSON.stringify(expected.catalog));
    expect(JSON.parse(manifestText).metadata.project_name).toBe(
      'acme_warehouse',
    );
    expect(result.manifestBytes).toBe(
      (await stat(join(dir, 'manifest.json'))).size,
    );
    expect(result.catalogBytes).toBe(
      (await stat(join(dir, 'catalog.json'))).size,
    );
  });
});
