import { buildErdFromIndex } from '../../buildErd';
import { ErdInputError } from '../../errors';
import { renderErd } from '../../renderErd';
import { ERD_TARGETS } from '../../targets/registry';
import { Cardinality, ErdBuildResult } from '../../types';

/**
 * The contract every hostile run is held to: the engine either returns a
 * well-formed ERD that every target renders, or throws ErdInputError naming
 * the file at fault; and it never leaves Object.prototype changed.
 */

export type ArtifactFile = 'manifest.json' | 'catalog.json';

const CARDINALITIES: readonly Cardinality[] = [
  'n1',
  '1n',
  '11',
  '01',
  '0n',
  'nn',
];

const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype];

function prototypeKeys(): string[][] {
  return BUILT_INS.map(p => Reflect.ownKeys(p).map(String).sort());
}

export interface GuardedOutcome {
  kind: 'erd' | 'input-error';
  result?: ErdBuildResult;
  error?: ErdInputError;
  /** Time to build the ERD (or to refuse the input). */
  ms: number;
  /** Time to render it in every target, twice (0 when not rendered). */
  renderMs: number;
}

/** Throws (failing the property) when the run broke the contract. */
export function assertPrototypesClean(before: string[][]): void {
  const after = prototypeKeys();
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    // Undo it, so one failure does not fail every later test.
    for (const [i, proto] of BUILT_INS.entries()) {
      for (const key of Reflect.ownKeys(proto)) {
        if (!before[i].includes(String(key))) delete (proto as any)[key];
      }
    }
    throw new Error(
      `a built-in prototype was changed: ${JSON.stringify(after)}`,
    );
  }
  if (({} as any).polluted !== undefined || ([] as any).polluted !== undefined)
    throw new Error('Object.prototype.polluted was set');
}

/** Strings, not functions or prototypes reached through an inherited key. */
function assertWellFormed(result: ErdBuildResult): void {
  const strings = (values: unknown[], what: string) => {
    for (const v of values)
      if (typeof v !== 'string')
        throw new Error(`${what} is ${typeof v}: ${String(v)}`);
  };
  for (const node of result.erd.nodes) {
    strings(
      [node.id, node.name, node.schema_name, node.database],
      'node field',
    );
    if (node.label !== null) strings([node.label], 'node label');
    for (const column of node.columns)
      strings([column.name, column.data_type], `column of ${node.id}`);
  }
  for (const edge of result.erd.edges) {
    strings(
      [
        edge.id,
        edge.from_id,
        edge.to_id,
        ...edge.from_columns,
        ...edge.to_columns,
      ],
      'edge field',
    );
    if (edge.label !== null) strings([edge.label], 'edge label');
    if (!CARDINALITIES.includes(edge.cardinality))
      throw new Error(`edge cardinality ${String(edge.cardinality)}`);
  }
  strings(result.warnings, 'warning');
}

function renderAll(result: ErdBuildResult): void {
  for (const target of ERD_TARGETS) {
    renderErd(result.erd, target);
    renderErd(result.erd, target, {
      omitColumns: true,
      omitEntityNameQuotes: true,
    });
  }
}

/**
 * Runs `build` and checks the contract. `blamed` is the file whose
 * corruption the run is about: an ErdInputError must name it.
 */
export function guarded(
  build: () => ErdBuildResult,
  blamed: ArtifactFile | null,
  { render = true }: { render?: boolean } = {},
): GuardedOutcome {
  const before = prototypeKeys();
  const started = performance.now();
  let outcome: GuardedOutcome;
  try {
    const result = build();
    const built = performance.now();
    assertWellFormed(result);
    if (render) renderAll(result);
    outcome = {
      kind: 'erd',
      result,
      ms: built - started,
      renderMs: render ? performance.now() - built : 0,
    };
  } catch (error) {
    if (!(error instanceof ErdInputError)) throw error;
    if (blamed === null || !error.message.startsWith(`${blamed}: `))
      throw new Error(
        `ErdInputError blames the wrong file (expected ${blamed}): ${error.message}`,
      );
    outcome = {
      kind: 'input-error',
      error,
      ms: performance.now() - started,
      renderMs: 0,
    };
  } finally {
    assertPrototypesClean(before);
  }
  return outcome;
}

/** The ERD of an index, for the byte reader's path. */
export { buildErdFromIndex };

/** Property runs: FC_RUNS raises them for a deeper local run. */
export function runs(fallback: number): number {
  const fromEnv = Number(process.env.FC_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}
