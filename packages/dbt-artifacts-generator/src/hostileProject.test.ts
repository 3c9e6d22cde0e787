import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatDemoJson,
  generateHostileArtifacts,
  HOSTILE_COLUMN,
  HOSTILE_TEXT,
} from './index';
import { PROTOTYPE_NAMES } from './hostileProject';

const HOSTILE_DIR = resolve(__dirname, '../../../examples/dbt/hostile');

describe('the hostile-names project', () => {
  const { manifest, catalog } = generateHostileArtifacts();

  it('puts hostile text on every model and a hostile column in its catalog entry', () => {
    const models = Object.values<any>(manifest.nodes).filter(
      n => n.resource_type === 'model',
    );
    expect(models.length).toBeGreaterThan(5);
    for (const model of models) {
      expect(model.description.startsWith(HOSTILE_TEXT)).toBe(true);
      expect(
        catalog.nodes[model.unique_id].columns[HOSTILE_COLUMN].comment,
      ).toBe(HOSTILE_TEXT);
    }
  });

  it('has models and schemas named __proto__ and constructor, as own keys', () => {
    for (const name of PROTOTYPE_NAMES) {
      const model = Object.values<any>(manifest.nodes).find(
        n => n.name === name,
      );
      expect(model).toBeDefined();
      expect(Object.hasOwn(manifest.nodes, model.unique_id)).toBe(true);
      expect(Object.hasOwn(catalog.nodes, model.unique_id)).toBe(true);
      expect(
        Object.values<any>(manifest.nodes).some(n => n.schema === name),
      ).toBe(true);
    }
    // and they survive the round trip through the committed JSON
    const parsed = JSON.parse(formatDemoJson(manifest));
    expect(Object.values<any>(parsed.nodes).map(n => n.name)).toEqual(
      expect.arrayContaining([...PROTOTYPE_NAMES]),
    );
  });

  it('matches the files committed under examples/dbt/hostile', () => {
    // Regenerate with: yarn generate-demo
    expect(readFileSync(resolve(HOSTILE_DIR, 'manifest.json'), 'utf8')).toBe(
      formatDemoJson(manifest),
    );
    expect(readFileSync(resolve(HOSTILE_DIR, 'catalog.json'), 'utf8')).toBe(
      formatDemoJson(catalog),
    );
  });
});
