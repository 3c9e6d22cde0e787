import fs from 'fs';
import path from 'path';
// Test-only: the generator (a node-library) writes the artifacts these tests read.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { generateScaledArtifacts } from '@internal/dbt-artifacts-generator';
import { buildErd } from '../../buildErd';
import { renderErd } from '../../renderErd';
import { Erd, ErdOptions } from '../../types';
import { chunksOf, jsonBytes } from './__testUtils__/byteChunks';
import { buildErdFromBytes } from './buildErdFromBytes';

/**
 * buildErdFromBytes reads less than buildErd (only the tests and node types
 * the options can use, no SQL unless asked) yet must draw the same ERD.
 */
const SAMPLES_DIR = path.resolve(
  __dirname,
  '../../../../../../../shared/dbterd-samples',
);
const casesFile = path.join(SAMPLES_DIR, 'cases.json');

interface ConformanceCase {
  sample: string;
  target: string;
  algo: string;
  options: { entityGroup?: string; entityNameFormat?: string };
}

function withoutSql(erd: Erd): Erd {
  return { ...erd, nodes: erd.nodes.map(n => ({ ...n, compiled_sql: null })) };
}

describe('buildErdFromBytes on the dbterd conformance cases', () => {
  if (!fs.existsSync(casesFile)) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('../shared/dbterd-samples not found: conformance cases skipped', () => {});
    return;
  }
  const { cases } = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as {
    cases: ConformanceCase[];
  };

  it.each(cases.map(c => [`${c.sample} ${c.target} ${c.algo}`, c] as const))(
    '%s renders what buildErd renders',
    async (_name, c) => {
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
      const actual = await buildErdFromBytes(
        { manifest: chunksOf(manifest, 65536), catalog },
        options,
        { keepCompiledSql: true },
      );
      expect(actual).toStrictEqual(expected);
      expect(renderErd(actual.erd, c.target)).toBe(
        renderErd(expected.erd, c.target),
      );
    },
  );
});

describe('buildErdFromBytes on a generated project', () => {
  const artifacts = generateScaledArtifacts({ models: 30 });
  const bytes = {
    manifest: jsonBytes(artifacts.manifest),
    catalog: jsonBytes(artifacts.catalog),
  };

  it.each<Partial<ErdOptions>>([
    {},
    { resourceTypes: [] },
    { resourceTypes: ['source', 'seed'], entityGroup: 'schema' },
    { algo: 'test_relationship:(name:not_null|c_to:column_name)' },
    { algo: 'semantic' },
    { algo: 'model_contract', resourceTypes: ['model', 'source'] },
    { select: ['schema:staging'], exclude: ['exposure:weekly_kpis'] },
  ])(
    'draws what buildErd draws with %j, without SQL unless asked',
    async options => {
      const expected = buildErd(artifacts, options);
      expect(expected.erd.nodes.length).toBeGreaterThan(0);
      const withSql = await buildErdFromBytes(bytes, options, {
        keepCompiledSql: true,
      });
      expect(withSql).toStrictEqual(expected);
      const lean = await buildErdFromBytes(bytes, options);
      expect(lean).toStrictEqual({
        ...expected,
        erd: withoutSql(expected.erd),
      });
    },
  );

  it('checks the options before reading a byte', async () => {
    const neverRead: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => {
        throw new Error('read');
      },
    };
    await expect(
      buildErdFromBytes({ manifest: neverRead }, { algo: 'nope' }),
    ).rejects.toThrow(/algo "nope" is not supported/);
  });
});
