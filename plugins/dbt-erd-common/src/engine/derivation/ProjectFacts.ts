import { getErdAlgorithm } from '../algorithms/registry';
import { AlgorithmResult, FoundRelationship } from '../algorithms/types';
import { ArtifactIndex } from '../artifacts/types';
import { detectTableKeys } from '../keys/detectKeys';
import { entityName } from '../naming/entityName';
import { SelectableTable, selectableOf } from '../selection/selectableTable';
import { ErdTableKey } from '../types';
import { BoundedMemo } from './BoundedMemo';

/** What an algorithm found in the index, kept with its relationships in output order. */
export interface FoundInIndex {
  found: AlgorithmResult;
  /** `found.relationships` sorted by name (stably): the ERD's edge order. */
  byName: FoundRelationship[];
}

/** Distinct `algo` values (rules included) and name formats kept per index. */
const KEPT_PER_OPTION = 8;

function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The facts about one project index that do not depend on which tables a
 * view selects: the keys it states, what each algorithm finds, what
 * selection reads of each table, the tables in output order, their names
 * per name format. Each is worked out on first need and kept, so that the
 * second view of an index (another selection, algorithm, name format or
 * group) costs only what differs. The index is read, never changed, and
 * must not change while this is kept.
 */
export class ProjectFacts {
  private tableKeys?: Map<string, ErdTableKey[]>;
  private selectableTables?: SelectableTable[];
  private idOrder?: number[];
  private readonly listedColumns: Array<Set<string> | undefined> = [];
  private readonly algorithms = new BoundedMemo<FoundInIndex>(KEPT_PER_OPTION);
  private readonly names = new BoundedMemo<string[]>(KEPT_PER_OPTION);

  constructor(readonly index: ArtifactIndex) {}

  /** detectTableKeys of the index. */
  keys(): Map<string, ErdTableKey[]> {
    this.tableKeys ??= detectTableKeys(this.index);
    return this.tableKeys;
  }

  /** What selection sees of each node, in index order. */
  selectables(): SelectableTable[] {
    this.selectableTables ??= this.index.nodes.map(selectableOf);
    return this.selectableTables;
  }

  /** Positions of `index.nodes` sorted by unique id (stably): the ERD's table order. */
  byUniqueId(): number[] {
    this.idOrder ??= this.index.nodes
      .map((_, at) => at)
      .sort((a, b) =>
        byCodeUnits(this.index.nodes[a].uniqueId, this.index.nodes[b].uniqueId),
      );
    return this.idOrder;
  }

  /** What the `algo` option (a resolved value) finds; throws as the algorithm does. */
  found(algo: string): FoundInIndex {
    return this.algorithms.get(algo, () => {
      const found = getErdAlgorithm(algo).findRelationships(this.index, {
        algo,
        keys: this.keys(),
      });
      const byName = [...found.relationships].sort((a, b) =>
        byCodeUnits(a.name, b.name),
      );
      return { found, byName };
    });
  }

  /**
   * Lower-cased names of the columns a node is drawn with before any
   * relationship adds one: its catalog columns, or dbterd's `unknown`.
   */
  columnNames(at: number): Set<string> {
    let names = this.listedColumns[at];
    if (!names) {
      const { columns } = this.index.nodes[at];
      names = new Set(
        columns.length > 0
          ? columns.map(c => c.name.toLowerCase())
          : ['unknown'],
      );
      this.listedColumns[at] = names;
    }
    return names;
  }

  /** Each node's entity name in `format`, in index order. */
  entityNames(format: string): string[] {
    return this.names.get(format, () =>
      this.index.nodes.map(node => entityName(node, format)),
    );
  }
}
