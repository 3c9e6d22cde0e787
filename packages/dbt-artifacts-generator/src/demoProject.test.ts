import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDemoJson, generateDemoArtifacts } from './index';
import {
  COLUMN_FIELDS,
  MANIFEST_KEYS,
  MODEL_FIELDS,
  danglingReferences,
  resolveCall,
} from './testing';

const TARGET_DIR = resolve(__dirname, '../../../examples/dbt/target');

describe('generateDemoArtifacts', () => {
  const { manifest, catalog } = generateDemoArtifacts();
  const nodes = Object.values<any>(manifest.nodes);
  const models = nodes.filter(n => n.resource_type === 'model');
  const tests = nodes.filter(n => n.resource_type === 'test');
  const relationships = tests.filter(
    n => n.test_metadata.name === 'relationships',
  );

  it('has the shape of a dbt 1.8 manifest (schema v12) and catalog v1', () => {
    expect(Object.keys(manifest)).toEqual(MANIFEST_KEYS);
    expect(manifest.metadata).toMatchObject({
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
      dbt_version: expect.stringMatching(/^1\.8\./),
      project_name: 'acme_analytics',
      adapter_type: 'postgres',
    });
    expect(Object.keys(catalog)).toEqual([
      'metadata',
      'nodes',
      'sources',
      'errors',
    ]);
    expect(catalog.metadata.dbt_schema_version).toBe(
      'https://schemas.getdbt.com/dbt/catalog/v1.json',
    );
    expect(catalog.errors).toBeNull();
    for (const model of models) {
      expect(Object.keys(model)).toEqual(MODEL_FIELDS);
      expect(model.config.contract).toEqual({
        enforced: expect.any(Boolean),
        alias_types: true,
      });
      for (const column of Object.values<any>(model.columns)) {
        expect(Object.keys(column)).toEqual(COLUMN_FIELDS);
      }
    }
  });

  it('is a small project across several schemas, described throughout', () => {
    const sources = Object.values<any>(manifest.sources);
    expect(models.length + sources.length).toBeGreaterThanOrEqual(12);
    expect(models.length + sources.length).toBeLessThanOrEqual(20);
    const schemas = new Set([...models, ...sources].map(n => n.schema));
    expect(schemas.size).toBeGreaterThanOrEqual(2);
    expect(nodes.some(n => n.resource_type === 'seed')).toBe(true);
    for (const node of [...models, ...sources]) {
      expect(node.description).not.toBe('');
      for (const column of Object.values<any>(node.columns)) {
        expect(column.description).not.toBe('');
      }
    }
  });

  it('has relationships tests that point at existing nodes', () => {
    expect(relationships.length).toBeGreaterThanOrEqual(5);
    expect(danglingReferences(manifest)).toEqual([]);
    for (const test of relationships) {
      expect(test.unique_id).toMatch(
        /^test\.acme_analytics\.(source_)?relationships_\w+\.[0-9a-f]{10}$/,
      );
    }
    for (const test of relationships.filter(t => t.attached_node)) {
      expect(test.depends_on.nodes.at(-1)).toBe(test.attached_node);
    }
    const metas = relationships.map(t => t.meta);
    expect(
      metas.filter(m => m.relationship_type).length,
    ).toBeGreaterThanOrEqual(2);
    expect(metas.some(m => m.relationship_label)).toBe(true);
    expect(tests.some(t => t.test_metadata.name === 'not_null')).toBe(true);
    expect(tests.some(t => t.test_metadata.name === 'unique')).toBe(true);
  });

  it('has a semantic model with primary and foreign entities', () => {
    const semantic = Object.values<any>(manifest.semantic_models).find(s =>
      s.entities.some((e: any) => e.type === 'foreign'),
    );
    expect(semantic.entities.some((e: any) => e.type === 'primary')).toBe(true);
    expect(semantic.depends_on.nodes[0]).toBe(
      resolveCall(manifest, semantic.model),
    );
  });

  it('has a contract-enforced model with primary and foreign keys', () => {
    const contracted = models.find(m => m.contract.enforced);
    expect(contracted.constraints).toContainEqual(
      expect.objectContaining({
        type: 'primary_key',
        columns: expect.any(Array),
      }),
    );
    const foreignKeys = Object.values<any>(contracted.columns).flatMap(c =>
      c.constraints.filter((k: any) => k.type === 'foreign_key'),
    );
    expect(foreignKeys.length).toBeGreaterThanOrEqual(1);
    for (const fk of foreignKeys) {
      const target = manifest.nodes[resolveCall(manifest, fk.to)!];
      expect(target).toBeDefined();
      for (const column of fk.to_columns) {
        expect(target.columns).toHaveProperty(column);
      }
      expect(contracted.depends_on.nodes).toContain(target.unique_id);
    }
    for (const column of Object.values<any>(contracted.columns)) {
      expect(column.data_type).toEqual(expect.any(String));
    }
  });

  it('has an exposure on several marts', () => {
    const [exposure] = Object.values<any>(manifest.exposures);
    expect(exposure.depends_on.nodes.length).toBeGreaterThanOrEqual(2);
  });

  it('catalogs only relations the manifest knows', () => {
    for (const [id, entry] of Object.entries<any>(catalog.nodes)) {
      expect(manifest.nodes).toHaveProperty([id]);
      expect(entry.unique_id).toBe(id);
      expect(Object.keys(entry.metadata)).toEqual([
        'type',
        'schema',
        'name',
        'database',
        'comment',
        'owner',
      ]);
    }
    for (const id of Object.keys(catalog.sources)) {
      expect(manifest.sources).toHaveProperty([id]);
    }
    expect(Object.keys(catalog.nodes).length).toBe(
      models.length + nodes.filter(n => n.resource_type === 'seed').length,
    );
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateDemoArtifacts())).toBe(
      JSON.stringify({ manifest, catalog }),
    );
  });

  it('matches the files committed under examples/dbt/target', () => {
    // Regenerate with: yarn generate-demo
    expect(readFileSync(resolve(TARGET_DIR, 'manifest.json'), 'utf8')).toBe(
      formatDemoJson(manifest),
    );
    expect(readFileSync(resolve(TARGET_DIR, 'catalog.json'), 'utf8')).toBe(
      formatDemoJson(catalog),
    );
  });
});
