import fs from 'node:fs';
import path from 'node:path';
import { selectIds, selectIdsFromBytes } from './__testUtils__/selectIds';

/**
 * dbt's selection grammar on real projects (../shared/dbt-wild, relative to
 * the repo root; never copied here). Each expectation comes from a plain
 * reading of the raw manifest by dbt's documented semantics, written here
 * without the engine's code, and both index readers must agree with it.
 */
const WILD = path.resolve(__dirname, '../../../../../../shared/dbt-wild');
const projects = fs.existsSync(WILD)
  ? fs
      .readdirSync(WILD)
      .filter(name => fs.existsSync(path.join(WILD, name, 'manifest.json')))
  : [];

type RawNode = {
  unique_id: string;
  resource_type: string;
  name: string;
  package_name: string;
  tags?: string[];
  fqn?: string[];
  original_file_path?: string;
  access?: string;
  config?: { materialized?: string };
  depends_on?: { nodes?: string[] };
};

const TABLE_TYPES = ['model', 'seed', 'snapshot', 'source'];

/** The oracle: the raw tables, their lineage, and dbt's set and graph rules over them. */
function rawProject(manifest: {
  nodes: Record<string, RawNode>;
  sources: Record<string, RawNode>;
}) {
  const tables = [
    ...Object.values(manifest.nodes),
    ...Object.values(manifest.sources ?? {}),
  ].filter(n => TABLE_TYPES.includes(n.resource_type));
  const ids = new Set(tables.map(t => t.unique_id));
  const parents = new Map(
    tables.map(t => [
      t.unique_id,
      (t.depends_on?.nodes ?? []).filter(id => ids.has(id)),
    ]),
  );
  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) {
    for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);
  }
  const closure = (
    start: string[],
    edges: Map<string, string[]>,
    depth = Infinity,
  ) => {
    const seen = new Set(start);
    let frontier = start;
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      frontier = frontier
        .flatMap(id => edges.get(id) ?? [])
        .filter(id => !seen.has(id));
      frontier.forEach(id => seen.add(id));
    }
    return seen;
  };
  const where = (test: (t: RawNode) => boolean) =>
    tables.filter(test).map(t => t.unique_id);
  return { tables, parents, children, closure, where };
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe("dbt's selection grammar on ../shared/dbt-wild", () => {
  if (projects.length === 0) {
    // Skipped on purpose and visibly: a fresh clone has no ../shared folder.
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip(`skipped: the shared dbt projects are not at ${WILD}`, () => {});
    return;
  }

  describe.each(projects)('%s', project => {
    const manifestBytes = fs.readFileSync(
      path.join(WILD, project, 'manifest.json'),
    );
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    const catalogPath = path.join(WILD, project, 'catalog.json');
    const catalog = fs.existsSync(catalogPath)
      ? JSON.parse(fs.readFileSync(catalogPath, 'utf8'))
      : undefined;
    const raw = rawProject(manifest);
    const models = raw.tables.filter(t => t.resource_type === 'model');
    // The model with the most lineage on both sides, so operators have work to do.
    const hub = [...models].sort(
      (a, b) =>
        raw.parents.get(b.unique_id)!.length +
          (raw.children.get(b.unique_id) ?? []).length -
          (raw.parents.get(a.unique_id)!.length +
            (raw.children.get(a.unique_id) ?? []).length) ||
        a.unique_id.localeCompare(b.unique_id),
    )[0];
    // A space separates terms (a union), in dbt as here: such a tag cannot be named.
    const tag = raw.tables
      .flatMap(t => t.tags ?? [])
      .filter(t => !/\s|,/.test(t))
      .sort()[0];
    const folder = hub?.original_file_path?.split('/').slice(0, -1).join('/');
    const sameName = hub
      ? raw.where(t => (t.fqn ?? [])[(t.fqn ?? []).length - 1] === hub.name)
      : [];

    const cases: [string, string[], string[]][] = [
      [
        'resource_type:seed',
        ['resource_type:seed'],
        raw.where(t => t.resource_type === 'seed'),
      ],
      [
        'config.materialized:table',
        ['config.materialized:table'],
        raw.where(t => t.config?.materialized === 'table'),
      ],
      [
        'access:protected',
        ['access:protected'],
        raw.where(t => t.access === 'protected'),
      ],
      [
        'package:this',
        ['package:this'],
        raw.where(t => t.package_name === manifest.metadata.project_name),
      ],
    ];
    if (tag !== undefined) {
      cases.push([
        `tag:${tag}`,
        [`tag:${tag}`],
        raw.where(t => (t.tags ?? []).includes(tag)),
      ]);
    }
    if (hub) {
      const id = hub.unique_id;
      const descendants = raw.closure([id], raw.children);
      cases.push(
        ['plain name (fqn leaf)', [hub.name], sameName],
        [
          '+name',
          [`+${hub.name}`],
          sameName.flatMap(s => [...raw.closure([s], raw.parents)]),
        ],
        [
          'name+1',
          [`${hub.name}+1`],
          sameName.flatMap(s => [...raw.closure([s], raw.children, 1)]),
        ],
        [
          '@unique_id',
          [`@unique_id:${id}`],
          [...descendants].flatMap(d => [...raw.closure([d], raw.parents)]),
        ],
        [
          'intersection of +name and a materialization',
          [`+unique_id:${id},config.materialized:view`],
          [...raw.closure([id], raw.parents)].filter(
            d =>
              raw.tables.find(t => t.unique_id === d)!.config?.materialized ===
              'view',
          ),
        ],
      );
      if (folder) {
        cases.push([
          `path:${folder}`,
          [`path:${folder}`],
          raw.where(t => (t.original_file_path ?? '').startsWith(`${folder}/`)),
        ]);
      }
    }
    for (const [name, selector] of Object.entries<{ definition: unknown }>(
      manifest.selectors ?? {},
    )) {
      // The selectors these projects define are `{method: package, value}`.
      const { method, value } = selector.definition as {
        method: string;
        value: string;
      };
      if (method === 'package') {
        cases.push([
          `selector:${name}`,
          [`selector:${name}`],
          raw.where(t => t.package_name === value),
        ]);
      }
    }

    it.each(cases)('%s', async (_, rules, expected) => {
      const want = sorted(expected);
      expect(selectIds({ manifest, catalog }, { select: rules })).toEqual(want);
      await expect(
        selectIdsFromBytes(manifestBytes, catalog, { select: rules }),
      ).resolves.toEqual(want);
    });
  });
});
