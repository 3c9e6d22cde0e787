import { md5, stableUuid } from './hashing';
import type {
  ModelSpec,
  ProjectSpec,
  SeedSpec,
  SourceTableSpec,
  TargetRef,
} from './projectSpec';

type Relation = ModelSpec | SeedSpec | SourceTableSpec;

/**
 * Name resolution and run-wide values (ids, clock) for one project, so that
 * every builder derives unique ids and relation names the same way.
 */
export class ProjectContext {
  readonly projectId: string;
  readonly userId: string;
  private readonly createdAtBase: number;
  private readonly byId = new Map<string, Relation>();

  constructor(readonly spec: ProjectSpec) {
    // dbt's project_id is the md5 of the project name.
    this.projectId = md5(spec.name);
    this.userId = stableUuid(`user:${spec.name}`);
    // Parsing happens a little before the artifacts are written.
    this.createdAtBase = Math.floor(Date.parse(spec.generatedAt) / 1000) - 30;
    for (const model of spec.models) {
      this.byId.set(this.uniqueId({ kind: 'model', name: model.name }), model);
    }
    for (const seed of spec.seeds) {
      this.byId.set(this.uniqueId({ kind: 'seed', name: seed.name }), seed);
    }
    for (const source of spec.sources) {
      this.byId.set(
        this.uniqueId({
          kind: 'source',
          sourceName: source.sourceName,
          name: source.name,
        }),
        source,
      );
    }
  }

  get name(): string {
    return this.spec.name;
  }

  uniqueId(target: TargetRef): string {
    if (target.kind === 'source') {
      return `source.${this.spec.name}.${target.sourceName}.${target.name}`;
    }
    return `${target.kind}.${this.spec.name}.${target.name}`;
  }

  modelSpec(name: string): ModelSpec {
    return this.lookup({ kind: 'model', name }) as ModelSpec;
  }

  sourceSpec(sourceName: string, name: string): SourceTableSpec {
    return this.lookup({ kind: 'source', sourceName, name }) as SourceTableSpec;
  }

  has(target: TargetRef): boolean {
    return this.byId.has(this.uniqueId(target));
  }

  schemaOf(target: TargetRef): string {
    return this.lookup(target).schema;
  }

  private lookup(target: TargetRef): Relation {
    const found = this.byId.get(this.uniqueId(target));
    if (!found) {
      throw new Error(`Unknown ${target.kind} ${target.name}`);
    }
    return found;
  }

  relationName(target: TargetRef): string {
    return quoteRelation(
      this.spec.database,
      this.schemaOf(target),
      target.name,
    );
  }

  /** As written inside Jinja or test kwargs: `ref('x')`, `source('a', 'b')`. */
  refCall(target: TargetRef): string {
    return target.kind === 'source'
      ? `source('${target.sourceName}', '${target.name}')`
      : `ref('${target.name}')`;
  }

  /** Seconds since the epoch, as dbt stamps `created_at`; fixed per position so reruns match. */
  createdAt(position: number): number {
    return Math.round((this.createdAtBase + position * 0.00137) * 1e6) / 1e6;
  }
}

export function quoteRelation(
  database: string,
  schema: string,
  name: string,
): string {
  return `"${database}"."${schema}"."${name}"`;
}

/** dbt refs as they appear in `refs`: `[{name, package, version}]`. */
export function refEntry(name: string) {
  return { name, package: null, version: null };
}
