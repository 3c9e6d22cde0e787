import { stableUuid } from './hashing';
import { coreDbtMacros, packageMacros, projectMacros } from './macros';
import type {
  ColumnSpec,
  ExposureSpec,
  GenericTestSpec,
  MetricSpec,
  ModelSpec,
  ProjectSpec,
  SemanticModelSpec,
  SourceTableSpec,
  TargetRef,
  UnitTestSpec,
} from './projectSpec';
import { Random } from './random';
import {
  ATTRIBUTES,
  DESCRIPTION_TAILS,
  DOMAINS,
  NOUNS,
  OWNERS,
  SYSTEMS,
  VERBS,
  title,
} from './scaledVocabulary';

export interface ScaledProjectOptions {
  /** Number of models (sources, tests, semantic models etc. scale with it). */
  models: number;
  /** PRNG seed; the same seed and options give the same bytes. Default 1. */
  seed?: number;
  /**
   * Extra CTE blocks per model (fractions are spread across models), to
   * reach a target manifest size; each adds roughly 1.3 kB per model.
   */
  sqlPadding?: number;
}

export const SCALED_PROJECT = 'acme_warehouse';
/** Macros in a scaled manifest: real projects carry ~700-1,000 from dbt and packages. */
export const SCALED_MACRO_COUNT = 1000;

/** Shares that make the generated projects look like real ones. */
const SHARES = {
  staging: 0.3,
  intermediate: 0.2,
  semanticModel: 0.3,
  contract: 0.05,
  incremental: 0.2,
  relationshipTypeMeta: 0.15,
  relationshipLabelMeta: 0.05,
  fkNotNullTest: 0.5,
  statusAcceptedValues: 0.5,
  sourceKeyTests: 0.2,
};

interface PlannedModel {
  spec: ModelSpec;
  noun: string;
  pk: string;
  fks: Array<{ column: string; target: PlannedModel }>;
}

/**
 * Plans a synthetic project of `models` models: staging views over sources,
 * intermediate models, and marts in one schema per business domain, with
 * ~20 columns each and ~1.2 foreign keys per model, pointing at earlier
 * models (skewed, so some dimensions become hubs as in real warehouses).
 */
export function scaledProjectSpec(options: ScaledProjectOptions): ProjectSpec {
  const count = Math.floor(options.models);
  if (!Number.isFinite(count) || count < 1) {
    throw new Error(`models must be a positive number, got ${options.models}`);
  }
  const seed = options.seed ?? 1;
  const padding = options.sqlPadding ?? 0;
  const random = new Random(seed);
  const width = String(count).length;
  const stagingCount = Math.max(1, Math.round(count * SHARES.staging));
  const intermediateCount = Math.min(
    count - stagingCount,
    Math.round(count * SHARES.intermediate),
  );
  const systemCount = Math.min(
    SYSTEMS.length,
    Math.max(2, Math.ceil(stagingCount / 30)),
  );

  const sources: SourceTableSpec[] = [];
  const planned: PlannedModel[] = [];
  const tests: GenericTestSpec[] = [];
  const semanticModels: SemanticModelSpec[] = [];
  const metrics: MetricSpec[] = [];

  for (let i = 0; i < count; i++) {
    let layer: 'staging' | 'intermediate' | 'marts' = 'marts';
    if (i < stagingCount) layer = 'staging';
    else if (i < stagingCount + intermediateCount) layer = 'intermediate';
    const noun = random.pick(NOUNS);
    const suffix = String(i + 1).padStart(width, '0');
    const pk = `${noun}_id`;

    // Foreign keys point at earlier models of the same or a lower layer.
    const lo = layer === 'marts' && intermediateCount > 0 ? stagingCount : 0;
    const fkRoll = random.next();
    const fkCount = i === lo ? 0 : foreignKeyCount(fkRoll);
    const fks: PlannedModel['fks'] = [];
    const usedNames = new Set([pk]);
    for (let f = 0; f < fkCount; f++) {
      // Squaring the draw favours early models, so a few become hubs.
      const target = planned[lo + Math.floor((i - lo) * random.next() ** 2)];
      let column = target.pk;
      for (let n = 2; usedNames.has(column); n++) {
        column = `${target.noun}_${n}_id`;
      }
      usedNames.add(column);
      fks.push({ column, target });
    }

    const columns: ColumnSpec[] = [
      {
        name: pk,
        type: 'integer',
        description: `Primary key of the ${noun}: one row per ${noun}.`,
      },
      ...fks.map(fk => ({
        name: fk.column,
        type: 'integer',
        description: `The ${fk.target.noun} this ${noun} belongs to; see ${fk.target.spec.name}.`,
      })),
    ];
    const attributeCount = random.int(14, 26) - columns.length;
    const attributes = random.sample(ATTRIBUTES, attributeCount);
    if (!attributes.some(([name]) => name === 'created_at')) {
      attributes[0] = ATTRIBUTES[1];
    }
    for (const [name, type, what] of attributes) {
      columns.push({
        name,
        type,
        description: `${what} of the ${noun}${random.pick(DESCRIPTION_TAILS)}`,
      });
    }

    let spec: ModelSpec;
    if (layer === 'staging') {
      const system = SYSTEMS[i % systemCount];
      const table = `${noun}s_${suffix}`;
      sources.push({
        sourceName: system,
        sourceDescription: `Tables replicated from the ${system} system.`,
        name: table,
        schema: `raw_${system}`,
        description: `Raw ${noun} records from ${system}, one row per ${noun} version.`,
        loader: random.pick(['fivetran', 'airbyte', 'stitch']),
        ymlPath: `models/staging/${system}/_${system}__sources.yml`,
        loadedAtField: random.chance(0.5) ? 'loaded_at' : undefined,
        columns: columns.map((c, n) => (n === 0 ? { ...c, name: 'id' } : c)),
      });
      columns[0] = { ...columns[0], expr: `${table}.id` };
      spec = {
        name: `stg_${system}__${noun}s_${suffix}`,
        dir: `staging/${system}`,
        ymlFile: `_${system}__models.yml`,
        schema: 'staging',
        materialized: 'view',
        description: `${title(
          noun,
        )} records from ${system}, renamed and typed. One row per ${noun}.`,
        columns,
        from: { kind: 'source', sourceName: system, name: table },
      };
    } else {
      const domain = random.pick(DOMAINS);
      const upstreamLo = layer === 'intermediate' ? 0 : lo;
      const from = planned[upstreamLo + random.int(0, i - upstreamLo - 1)];
      let kind = 'int';
      if (layer === 'marts') kind = random.chance(0.6) ? 'fct' : 'dim';
      const name =
        kind === 'int'
          ? `int_${domain}__${noun}s_${random.pick(VERBS)}_${suffix}`
          : `${kind}_${domain}__${noun}s_${suffix}`;
      const incremental =
        layer === 'marts' && random.chance(SHARES.incremental);
      spec = {
        name,
        dir: layer === 'marts' ? `marts/${domain}` : `intermediate/${domain}`,
        ymlFile:
          layer === 'marts'
            ? `_${domain}__models.yml`
            : `_int_${domain}__models.yml`,
        schema: layer === 'marts' ? `marts_${domain}` : 'intermediate',
        materialized: materialization(random, layer, incremental),
        uniqueKey: incremental ? pk : undefined,
        description:
          `${title(noun)}s for the ${domain.replace(
            '_',
            ' ',
          )} domain, built from ${from.spec.name}` +
          `${
            fks.length
              ? ` and joined to ${fks.map(f => f.target.spec.name).join(', ')}`
              : ''
          }. ` +
          `One row per ${noun}; ${
            kind === 'dim'
              ? 'slowly changing attributes are kept current'
              : 'rows are immutable once loaded'
          }.`,
        columns,
        from: { kind: 'model', name: from.spec.name },
        joins: fks.slice(0, 2).map(fk => ({
          target: { kind: 'model' as const, name: fk.target.spec.name },
          column: fk.column,
          targetColumn: fk.target.pk,
        })),
      };
      if (layer === 'marts' && random.chance(SHARES.contract)) {
        enforceContract(spec, pk, fks);
      }
    }
    spec.sqlPadding = Math.floor(padding * (i + 1)) - Math.floor(padding * i);
    const model: PlannedModel = { spec, noun, pk, fks };
    planned.push(model);
    tests.push(...modelTests(random, model));
    if (layer === 'marts' && random.chance(SHARES.semanticModel)) {
      const semantic = semanticModelFor(random, model);
      semanticModels.push(semantic);
      metrics.push({
        name: `${semantic.name}_count`,
        label: `${title(noun)} count`,
        description: `Number of ${noun}s in ${spec.name}.`,
        measure: semantic.measures[0].name,
        semanticModel: semantic.name,
      });
    }
  }

  for (const source of sources) {
    if (random.chance(SHARES.sourceKeyTests)) {
      const on: TargetRef = {
        kind: 'source',
        sourceName: source.sourceName,
        name: source.name,
      };
      tests.push(
        { test: 'not_null', on, column: 'id' },
        { test: 'unique', on, column: 'id' },
      );
    }
  }

  const marts = planned.slice(stagingCount + intermediateCount);
  const pool = marts.length > 0 ? marts : planned;
  return {
    name: SCALED_PROJECT,
    database: 'acme',
    targetSchema: 'analytics',
    adapter: 'postgres',
    dbtVersion: '1.8.7',
    generatedAt: '2025-06-02T04:00:12.345678Z',
    invocationId: stableUuid(`${SCALED_PROJECT}:${count}:${seed}:${padding}`),
    foreignKeyTo: 'relation',
    sources,
    seeds: [
      {
        name: 'country_codes',
        schema: 'seeds',
        description: 'ISO 3166-1 countries and their sales region.',
        csvPath: 'seeds/country_codes.csv',
        columns: [
          {
            name: 'country_code',
            type: 'text',
            description: 'ISO 3166-1 alpha-2 code.',
          },
          {
            name: 'country_name',
            type: 'text',
            description: 'English short name.',
          },
          { name: 'region', type: 'text', description: 'Sales region.' },
        ],
      },
    ],
    models: planned.map(p => p.spec),
    tests,
    semanticModels,
    metrics,
    exposures: exposuresFor(random, pool, Math.max(1, Math.floor(count / 100))),
    unitTests: unitTestsFor(random, pool, Math.max(1, Math.floor(count / 250))),
    macros: () => {
      const fixed = [...coreDbtMacros(), ...projectMacros(SCALED_PROJECT)];
      return [
        ...fixed,
        ...packageMacros(SCALED_MACRO_COUNT - fixed.length, seed),
      ];
    },
    docs: [
      {
        packageName: 'dbt',
        name: '__overview__',
        path: 'docs/overview.md',
        contents:
          '### Welcome!\n\nThis is the auto-generated documentation for your dbt project.',
      },
    ],
    inlineMacros: {
      cents_to_dollars: ([column]) => `(${column} / 100)::numeric(16, 2)`,
    },
  };
}

function enforceContract(
  spec: ModelSpec,
  pk: string,
  fks: PlannedModel['fks'],
): void {
  spec.contractEnforced = true;
  spec.constraints = [
    { type: 'primary_key', name: `pk_${spec.name}`, columns: [pk] },
  ];
  spec.columns = spec.columns.map(column => {
    const fk = fks.find(f => f.column === column.name);
    return {
      ...column,
      dataType: column.type === 'numeric' ? 'numeric(18,2)' : column.type,
      constraints: fk
        ? [
            {
              type: 'foreign_key',
              name: `fk_${spec.name}_${column.name}`,
              to: { kind: 'model', name: fk.target.spec.name },
              toColumns: [fk.target.pk],
            },
          ]
        : undefined,
    };
  });
  spec.columns[0].constraints = [{ type: 'not_null' }];
}

/** 0-3 foreign keys, ~1.2 on average as in real projects' relationships tests. */
function foreignKeyCount(roll: number): number {
  if (roll < 0.22) return 0;
  if (roll < 0.65) return 1;
  if (roll < 0.9) return 2;
  return 3;
}

function materialization(
  random: Random,
  layer: 'intermediate' | 'marts',
  incremental: boolean,
): ModelSpec['materialized'] {
  if (incremental) return 'incremental';
  if (layer === 'marts' || random.chance(0.3)) return 'table';
  return 'view';
}

function modelTests(random: Random, model: PlannedModel): GenericTestSpec[] {
  const on: TargetRef = { kind: 'model', name: model.spec.name };
  const tests: GenericTestSpec[] = [
    { test: 'not_null', on, column: model.pk },
    { test: 'unique', on, column: model.pk },
  ];
  for (const fk of model.fks) {
    if (random.chance(SHARES.fkNotNullTest)) {
      tests.push({ test: 'not_null', on, column: fk.column });
    }
    let meta: Record<string, unknown> | undefined;
    if (random.chance(SHARES.relationshipTypeMeta)) {
      meta = {
        relationship_type: random.chance(0.8) ? 'many-to-one' : 'one-to-one',
      };
      if (
        random.chance(
          SHARES.relationshipLabelMeta / SHARES.relationshipTypeMeta,
        )
      ) {
        meta.relationship_label = `${model.noun}_to_${fk.target.noun}`;
      }
    }
    tests.push({
      test: 'relationships',
      on,
      column: fk.column,
      to: { kind: 'model', name: fk.target.spec.name },
      field: fk.target.pk,
      meta,
    });
  }
  if (
    model.spec.columns.some(c => c.name === 'status') &&
    random.chance(SHARES.statusAcceptedValues)
  ) {
    tests.push({
      test: 'accepted_values',
      on,
      column: 'status',
      values: ['pending', 'active', 'completed', 'cancelled'],
    });
  }
  return tests;
}

function semanticModelFor(
  random: Random,
  model: PlannedModel,
): SemanticModelSpec {
  const name = model.spec.name.replace(/^(fct|dim)_/, '');
  const columns = model.spec.columns;
  const categorical = columns.filter(
    c => c.type === 'text' && !c.name.endsWith('_id'),
  );
  const numeric = columns.find(c => c.type === 'numeric');
  return {
    name,
    model: model.spec.name,
    description: `${title(model.noun)}s as a MetricFlow semantic model.`,
    aggTimeDimension: 'created_at',
    entities: [
      { name: model.noun, type: 'primary', expr: model.pk },
      ...model.fks.map(fk => ({
        name: fk.column.replace(/_id$/, ''),
        type: 'foreign' as const,
        expr: fk.column,
      })),
    ],
    dimensions: [
      { name: 'created_at', type: 'time', expr: 'created_at' },
      ...random
        .sample(categorical, 3)
        .map(c => ({ name: c.name, type: 'categorical' as const })),
    ],
    measures: [
      {
        name: `${name}_count`,
        agg: 'sum',
        expr: '1',
        description: `Number of ${model.noun}s.`,
      },
      ...(numeric
        ? [
            {
              name: `${name}_total_${numeric.name}`,
              agg: 'sum' as const,
              expr: numeric.name,
              description: `Sum of ${numeric.name}.`,
            },
          ]
        : []),
    ],
  };
}

function exposuresFor(
  random: Random,
  pool: PlannedModel[],
  count: number,
): ExposureSpec[] {
  const types: ExposureSpec['type'][] = [
    'dashboard',
    'dashboard',
    'notebook',
    'analysis',
    'ml',
    'application',
  ];
  return Array.from({ length: count }, (_, i) => {
    const type = random.pick(types);
    const name = `${random.pick(DOMAINS)}_${type}_${i + 1}`;
    return {
      name,
      label: title(name),
      type,
      maturity: random.pick(['low', 'medium', 'high'] as const),
      url:
        type === 'dashboard'
          ? `https://bi.acme.example/dashboards/${i + 1}`
          : null,
      description: `${title(type)} built on ${
        pool.length > 1 ? 'several marts' : 'one mart'
      }; owned by the team below.`,
      owner: random.pick(OWNERS),
      dependsOn: random
        .sample(pool, random.int(2, 4))
        .map(m => ({ kind: 'model' as const, name: m.spec.name })),
      ymlPath: 'models/marts/_exposures.yml',
    };
  });
}

function unitTestsFor(
  random: Random,
  pool: PlannedModel[],
  count: number,
): UnitTestSpec[] {
  return random.sample(pool, count).map(model => ({
    name: `test_${model.noun}s_keep_one_row_per_key`,
    model: model.spec.name,
    description: `Rows of ${model.spec.name} stay unique on ${model.pk}.`,
    given: [
      {
        input: model.spec.from,
        rows: [{ [model.pk]: 1 }, { [model.pk]: 2 }],
      },
    ],
    expect: [{ [model.pk]: 1 }, { [model.pk]: 2 }],
  }));
}
