import { MISSING_CATALOG_WARNING, indexArtifacts } from '../indexArtifacts';
import { ArtifactIndex } from '../types';
import { chunksOf, jsonBytes, randomChunks } from './__testUtils__/byteChunks';
import { trickyArtifacts } from './__testUtils__/trickyProject';
import {
  indexManifestBytes,
  indexManifestBytesSync,
} from './indexManifestBytes';

const { manifest, catalog } = trickyArtifacts();
const expected = indexArtifacts({ manifest, catalog });
const KEEP_SQL = { keepCompiledSql: true, keepModelSql: true };

async function* reusingOneBuffer(
  bytes: Uint8Array,
  size: number,
): AsyncIterable<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    buffer.fill(0x7b); // what was handed out before is overwritten
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
  }
}

describe('indexManifestBytes', () => {
  it('reads the traps of a hostile-looking project exactly as indexArtifacts', () => {
    expect(expected.nodes).toHaveLength(5);
    expect(expected.tests).toHaveLength(1);
    const index = indexManifestBytesSync(
      jsonBytes(manifest),
      jsonBytes(catalog),
      KEEP_SQL,
    );
    expect(index).toStrictEqual(expected);
  });

  it.each([1, 7])('gives the same index from %i-byte chunks', async size => {
    const index = await indexManifestBytes(
      chunksOf(jsonBytes(manifest, 2), size),
      chunksOf(jsonBytes(catalog, 2), size),
      KEEP_SQL,
    );
    expect(index).toStrictEqual(expected);
  });

  it.each([1, 2, 3, 4, 5])(
    'gives the same index from chunks cut at random offsets (seed %i)',
    async seed => {
      const index = await indexManifestBytes(
        randomChunks(jsonBytes(manifest), seed, 64),
        randomChunks(jsonBytes(catalog), seed + 100, 16),
        KEEP_SQL,
      );
      expect(index).toStrictEqual(expected);
    },
  );

  it('copies what it keeps, so a producer may refill one buffer for every chunk', async () => {
    const index = await indexManifestBytes(
      reusingOneBuffer(jsonBytes(manifest), 50),
      reusingOneBuffer(jsonBytes(catalog), 30),
      KEEP_SQL,
    );
    expect(index).toStrictEqual(expected);
  });

  it('takes the catalog as bytes, a chunk stream or parsed JSON, and warns when it is missing', async () => {
    const bytes = jsonBytes(manifest);
    expect(await indexManifestBytes(bytes, catalog, KEEP_SQL)).toStrictEqual(
      expected,
    );
    expect(
      await indexManifestBytes(
        bytes,
        chunksOf(jsonBytes(catalog), 9),
        KEEP_SQL,
      ),
    ).toStrictEqual(expected);
    const withoutCatalog = await indexManifestBytes(bytes, undefined, KEEP_SQL);
    expect(withoutCatalog).toStrictEqual(indexArtifacts({ manifest }));
    expect(withoutCatalog.warnings).toContain(MISSING_CATALOG_WARNING);
  });

  it('reads sections in any order, and a UTF-8 byte order mark', () => {
    const { nodes, metadata, ...rest } = manifest as Record<string, unknown>;
    const reordered = { ...rest, nodes, metadata };
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const text = jsonBytes(reordered);
    const withBom = new Uint8Array(bom.length + text.length);
    withBom.set(bom);
    withBom.set(text, bom.length);
    expect(
      indexManifestBytesSync(withBom, jsonBytes(catalog), KEEP_SQL),
    ).toStrictEqual(indexArtifacts({ manifest: reordered, catalog }));
  });

  it('resolves repeated keys the way JSON.parse does', () => {
    const node = (description: string) =>
      JSON.stringify({
        name: 'orders',
        description,
        columns: {},
        database: 'db',
        schema: 'main',
      });
    const text =
      '{"metadata": {"project_name": "first"},' +
      ` "nodes": {"model.shop.gone": ${node('gone')}},` +
      ` "nodes": {"model.shop.orders": ${node('first')}, "model.shop.b": ${node(
        'b',
      )}, "model.shop.orders": ${node('last')}},` +
      ' "metadata": {"project_name": "last"}}';
    const index = indexManifestBytesSync(new TextEncoder().encode(text));
    expect(index).toStrictEqual(
      withoutCompiledSql(indexArtifacts({ manifest: JSON.parse(text) })),
    );
    expect(index.nodes.map(n => n.description)).toEqual(['last', 'b']);
  });
});

function withoutCompiledSql(index: ArtifactIndex): ArtifactIndex {
  return {
    ...index,
    nodes: index.nodes.map(n => ({
      ...n,
      compiledSql: null,
      modelSql: null,
    })),
  };
}

describe('indexManifestBytes options', () => {
  const bytes = jsonBytes(manifest);

  it('drops compiled SQL unless asked to keep it', () => {
    const index = indexManifestBytesSync(bytes, catalog);
    expect(index).toStrictEqual(withoutCompiledSql(expected));
  });

  it('indexes only the tests and resource types asked for', () => {
    const index = indexManifestBytesSync(bytes, catalog, {
      keepCompiledSql: true,
      keepModelSql: true,
      isTestWanted: id => !id.includes('relationships'),
      resourceTypes: ['model', 'source'],
    });
    expect(index).toStrictEqual({
      ...expected,
      nodes: expected.nodes.filter(n =>
        ['model', 'source'].includes(n.resourceType),
      ),
      tests: [],
    });
  });
});
