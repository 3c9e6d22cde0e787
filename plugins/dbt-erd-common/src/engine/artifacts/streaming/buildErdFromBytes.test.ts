// Test-only: the generator (a node-library) writes the artifacts these tests read.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { generateScaledArtifacts } from '@internal/dbt-artifacts-generator';
import {
  conformanceReference,
  readConformanceCases,
} from '../../../__testUtils__/dbterdSamples';
import { buildErd } from '../../buildErd';
import { renderErd } from '../../renderErd';
import { Erd, ErdOptions } from '../../types';
import { chunksOf, jsonBytes } from './__testUtils__/byteChunks';
import { buildErdFromBytes } from './buildErdFromBytes';

/**
 * buildErdFromBytes reads less than buildErd (only the tests and node types
 * the options can use, no SQL unless asked) yet must draw the same ERD.
 */
function withoutSql(erd: Erd): Erd {
  return { ...erd, nodes: erd.nodes.map(n => ({ ...n, compiled_sql: null })) };
}

describe('buildErdFromBytes on the dbterd conformance cases', () => {
  const cases = readConformanceCases();
  if (!cases) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('../shared/dbterd-samples not found: conformance cases skipped', () => {});
    return;
  }

  it.each(cases.map(c => [`${c.sample} ${c.target} ${c.algo}`, c] as const))(
    '%s renders what buildErd renders',
    async (_name, c) => {
      const { manifest, catalog, options, expected } = conformanceReference(c);
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
