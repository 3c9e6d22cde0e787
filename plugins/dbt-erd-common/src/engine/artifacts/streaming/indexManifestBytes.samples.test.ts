import fs from 'fs';
import path from 'path';
// Test-only: the generator (a node-library) writes the artifacts these tests read.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  generateDemoArtifacts,
  generateScaledArtifacts,
} from '@internal/dbt-artifacts-generator';
import { indexArtifacts } from '../indexArtifacts';
import { ArtifactIndex } from '../types';
import { chunksOf, jsonBytes, randomChunks } from './__testUtils__/byteChunks';
import {
  indexManifestBytes,
  indexManifestBytesSync,
} from './indexManifestBytes';

/**
 * The streaming reader must give exactly the index indexArtifacts gives, on
 * real dbt projects (../shared/dbterd-samples, relative to the repo root,
 * never copied into the repo) and on generated ones.
 */
const SAMPLES_DIR = path.resolve(
  __dirname,
  '../../../../../../../shared/dbterd-samples/samples',
);
const samples = fs.existsSync(SAMPLES_DIR) ? fs.readdirSync(SAMPLES_DIR) : [];

function withoutCompiledSql(index: ArtifactIndex): ArtifactIndex {
  return {
    ...index,
    nodes: index.nodes.map(node => ({
      ...node,
      compiledSql: null,
      modelSql: null,
    })),
  };
}

describe('indexManifestBytes on real dbt projects', () => {
  if (samples.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('../shared/dbterd-samples not found: sample comparisons skipped', () => {});
    return;
  }

  describe.each(samples)('%s', sample => {
    const manifestBytes = fs.readFileSync(
      path.join(SAMPLES_DIR, sample, 'manifest.json'),
    );
    const catalogBytes = fs.readFileSync(
      path.join(SAMPLES_DIR, sample, 'catalog.json'),
    );
    const expected = indexArtifacts({
      manifest: JSON.parse(manifestBytes.toString('utf8')),
      catalog: JSON.parse(catalogBytes.toString('utf8')),
    });

    it('matches indexArtifacts, compiled SQL kept', async () => {
      const index = await indexManifestBytes(manifestBytes, catalogBytes, {
        keepCompiledSql: true,
        keepModelSql: true,
      });
      expect(index).toStrictEqual(expected);
    });

    it('matches indexArtifacts without compiled SQL by default', () => {
      const index = indexManifestBytesSync(manifestBytes, catalogBytes);
      expect(index).toStrictEqual(withoutCompiledSql(expected));
    });

    it('matches indexArtifacts when both files arrive in 64 kB chunks', async () => {
      const index = await indexManifestBytes(
        chunksOf(manifestBytes, 65536),
        chunksOf(catalogBytes, 65536),
        { keepCompiledSql: true, keepModelSql: true },
      );
      expect(index).toStrictEqual(expected);
    });

    it('matches indexArtifacts with chunks cut at random offsets', async () => {
      const index = await indexManifestBytes(
        randomChunks(manifestBytes, 7, 4000),
        randomChunks(catalogBytes, 11, 300),
        { keepCompiledSql: true, keepModelSql: true },
      );
      expect(index).toStrictEqual(expected);
    });
  });
});

describe('indexManifestBytes on generated projects', () => {
  const projects = {
    'the demo project': generateDemoArtifacts(),
    'a scaled project of 50 models': generateScaledArtifacts({ models: 50 }),
  };

  describe.each(Object.entries(projects))('%s', (_name, artifacts) => {
    const expected = indexArtifacts(artifacts);

    it('matches indexArtifacts from compact JSON', () => {
      const index = indexManifestBytesSync(
        jsonBytes(artifacts.manifest),
        jsonBytes(artifacts.catalog),
        { keepCompiledSql: true, keepModelSql: true },
      );
      expect(index).toStrictEqual(expected);
    });

    it('matches indexArtifacts from pretty-printed JSON in 7-byte chunks', async () => {
      const index = await indexManifestBytes(
        chunksOf(jsonBytes(artifacts.manifest, 2), 7),
        chunksOf(jsonBytes(artifacts.catalog, 2), 7),
        { keepCompiledSql: true, keepModelSql: true },
      );
      expect(index).toStrictEqual(expected);
    });

    it('matches indexArtifacts with the catalog given parsed', async () => {
      const index = await indexManifestBytes(
        jsonBytes(artifacts.manifest),
        artifacts.catalog,
        { keepCompiledSql: true, keepModelSql: true },
      );
      expect(index).toStrictEqual(expected);
    });
  });
});
