import { indexManifestBytesSync } from '../artifacts/streaming/indexManifestBytes';
import { buildErd } from '../buildErd';
import { ErdOptions } from '../types';
import { buildErdFromIndex, guarded } from './__testUtils__/engineGuard';

/**
 * Inputs at the size a hostile upload can reach: 10^5 columns, megabyte
 * names, 10^4 levels of nesting, and the strings that made regular
 * expressions quadratic. Each must be answered within a generous bound;
 * the bound is a guard against quadratic blow-ups (they take minutes here),
 * not a speed test: the benchmark measures speed.
 */

// Generous: the whole suite on a busy 2-core machine took 15.2 s to render
// what takes about 3 s alone; a quadratic blow-up still takes minutes.
const BOUND_MS = 15_000;
/** Fourteen documents of 10^5 lines each take a while on a busy CI core. */
const RENDER_BOUND_MS = 60_000;
const MB = 1024 * 1024;
const encoder = new TextEncoder();

interface Artifacts {
  manifest: string;
  catalog: string;
}

const quote = (value: string) => JSON.stringify(value);

/** A v12 manifest of one model `model.shop.big` with the given node members. */
function manifestText(members: string, extraNodes = '', topLevel = ''): string {
  return (
    `{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},` +
    `${topLevel}"nodes": {"model.shop.big": {"name": "big", "database": "db", "schema": "main", ${members}}${extraNodes}},` +
    `"sources": {}}`
  );
}

/** Runs both readers and checks the contract and the time bound. */
function runBoth(
  { manifest, catalog }: Artifacts,
  options: Partial<ErdOptions> = {},
) {
  const parsed = guarded(
    () =>
      buildErd(
        { manifest: JSON.parse(manifest), catalog: JSON.parse(catalog) },
        options,
      ),
    'manifest.json',
  );
  // The byte reader's ERD equals the parsed one (see the property tests), so
  // only the parsed one is rendered: that keeps the suite fast.
  const bytes = guarded(
    () =>
      buildErdFromIndex(
        indexManifestBytesSync(
          encoder.encode(manifest),
          encoder.encode(catalog),
        ),
        options,
      ),
    'manifest.json',
    { render: false },
  );
  expect(parsed.ms).toBeLessThan(BOUND_MS);
  expect(bytes.ms).toBeLessThan(BOUND_MS);
  expect(parsed.renderMs).toBeLessThan(RENDER_BOUND_MS);
  return { parsed, bytes };
}

const EMPTY_CATALOG = '{"nodes": {}, "sources": {}}';

describe('giant hostile inputs', () => {
  it('reads 10^5 columns in one table, documented and in the catalog', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const columns = names
      .map(n => `${quote(n)}: {"name": ${quote(n)}, "description": "d"}`)
      .join(',');
    const catalogColumns = names
      .map(
        (n, i) => `${quote(n.toUpperCase())}: {"type": "INT", "index": ${i}}`,
      )
      .join(',');
    const { parsed } = runBoth({
      manifest: manifestText(`"columns": {${columns}}`),
      catalog: `{"nodes": {"model.shop.big": {"metadata": {"name": "big"}, "columns": {${catalogColumns}}}}}`,
    });
    expect(parsed.result!.erd.nodes[0].columns).toHaveLength(100_000);
  });

  it('reads 1 MB names and descriptions', () => {
    const huge = 'x'.repeat(MB);
    const hostile = `<script>alert(1)</script>"'\`\\\n{}[]|:;#`.repeat(MB / 32);
    const { parsed } = runBoth({
      manifest: manifestText(
        `"description": ${quote(hostile)}, "alias": ${quote(
          huge,
        )}, "columns": {${quote(huge)}: {"description": ${quote(
          hostile,
        )}}, ${quote(hostile)}: {}}`,
      ),
      catalog: EMPTY_CATALOG,
    });
    expect(parsed.kind).toBe('erd');
  });

  it('answers the strings that made its regular expressions quadratic', () => {
    const quotes = `x${'"'.repeat(MB)}x`;
    const refs = 'ref("'.repeat(MB / 5);
    const sources = "source('a', ".repeat(MB / 12);
    const versionSpaces = `https://x/v1${' '.repeat(MB)}x`;
    const test = (id: string, to: string) =>
      `, ${quote(
        id,
      )}: {"test_metadata": {"name": "relationships", "kwargs": {"to": ${quote(
        to,
      )}, "field": "id", "column_name": "id", "model": ${quote(
        to,
      )}}}, "depends_on": {"nodes": ["model.shop.big", "model.shop.other"]}}`;
    const artifacts = {
      manifest: manifestText(
        `"columns": {${quote(
          quotes,
        )}: {}}, "constraints": [{"type": "foreign_key", "to": ${quote(
          refs,
        )}, "columns": ["id"]}]`,
        `, "model.shop.other": {"name": "other"}${test(
          'test.shop.relationships_a',
          refs,
        )}${test('test.shop.relationships_b', sources)}`,
        `"exposures": {"exposure.shop.e": {"depends_on": {"nodes": [${quote(
          versionSpaces,
        )}]}}},`,
      ),
      catalog: EMPTY_CATALOG,
    };
    expect(runBoth(artifacts).parsed.kind).toBe('erd');
    expect(runBoth(artifacts, { algo: 'model_contract' }).parsed.kind).toBe(
      'erd',
    );
  });

  it('reads 10^4 levels of nesting in an unused field and in meta', () => {
    const depth = 10_000;
    const deep = `${'{"a": ['.repeat(depth)}1${']}'.repeat(depth)}`;
    const { parsed } = runBoth({
      manifest: manifestText(
        `"unused": ${deep}, "meta": {"label": "L", "x": ${deep}}, "config": {"meta": ${deep}}, ` +
          `"columns": {"id": {"meta": ${deep}, "constraints": [{"type": "primary_key", "x": ${deep}}]}}`,
        `, "test.shop.relationships_deep": {"test_metadata": {"kwargs": {"to": ${deep}}}, "meta": ${deep}}`,
      ),
      catalog: `{"nodes": {"model.shop.big": {"metadata": ${deep}, "columns": {"ID": {"type": "INT", "x": ${deep}}}}}, "unused": ${deep}}`,
    });
    expect(parsed.result!.erd.nodes[0].label).toBe('L');
  });

  it('links 10^5 semantic entities without comparing each pair', () => {
    const entities = (type: string) =>
      Array.from(
        { length: 50_000 },
        (_, i) => `{"name": "e${i}", "type": "${type}"}`,
      ).join(',');
    const models =
      `"semantic_models": {` +
      `"semantic_model.shop.p": {"depends_on": {"nodes": ["model.shop.big"]}, "entities": [${entities(
        'primary',
      )}]},` +
      `"semantic_model.shop.f": {"depends_on": {"nodes": ["model.shop.big"]}, "entities": [${entities(
        'foreign',
      )}]}},`;
    const { parsed } = runBoth(
      {
        manifest: manifestText('"columns": {}', '', models),
        catalog: EMPTY_CATALOG,
      },
      { algo: 'semantic' },
    );
    expect(parsed.result!.erd.edges).toHaveLength(50_000);
  });
});
