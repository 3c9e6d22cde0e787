import { getErdAlgorithm } from '../algorithms/registry';
import { AlgorithmResult, FoundRelationship } from '../algorithms/types';
import { ArtifactIndex, IndexedNode } from '../artifacts/types';
import { detectTableKeys } from '../keys/detectKeys';
import { entityName } from '../naming/entityName';
import { SelectableTable, selectableOf } from '../selection/selectableTable';
import { ErdTableKey } from '../types';
import { BoundedMemo } from './BoundedMemo';

/** dbterd never draws an empty entity: it shows one `unknown` column. */
export const UNKNOWN_COLUMN = 'unknown';

/** What an algorithm found in the index, kept with its relationships in output order. */
export interface FoundInIndex {
  found: AlgorithmResult;
  /** `found.relationships` sorted by name (stably): the ERD's edge order. */
  byName: FoundRelationship[];
  /**
   * By node position: 1 for each listed column (or dbterd's `unknown`)
   * that is a primary key; absent for a node with none.
   */
  primaryKeyFlags: Array<Uint8Array | undefined>;
  /**
   * By position in `found.relationships`: 1 when some node with either
   * end's id does not list one of the relationship's columns on that end,
   * so that a view may have to add it; most relationships add none.
   */
  mayAddColumns: Uint8Array;
}

/** The names a node's columns are drawn with before relationships add any. */
export function listedColumnNames(node: IndexedNode): string[] {
  return node.columns.length > 0
    ? node.columns.map(c => c.name)
    : [UNKNOWN_COLUMN];
}

function primaryKeyFlags(
  index: ArtifactIndex,
  primaryKeys: Map<string, Set<string>> | undefined,
): Array<Uint8Array | undefined> {
  return index.nodes.map(node => {
    const keys = primaryKeys?.get(node.uniqueId);
    if (!keys) return undefined;
    const names = listedColumnNames(node);
    const flags = new Uint8Array(names.length);
    names.forEach((name, at) => {
      if (keys.has(name.toLowerCase())) flags[at] = 1;
    });
    return flags;
  });
}

/**
 * Every node's column names and data types as indices into one list of the
 * distinct strings: per node, flat pairs `[name, type]`. Lets a compact
 * output number its strings with array reads instead of a string hash per
 * column and view.
 */
export interface ColumnStrings {
  /** The distinct names and types, in the order first met in the index. */
  strings: string[];
  /** By node position: `[name, dataType]` indices into `strings`, per listed column. */
  ids: Int32Array[];
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
  private columnStringIds?: ColumnStrings;
  /** Node positions by unique id. */
  private positions?: Map<string, number[]>;
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
      return {
        found,
        byName,
        primaryKeyFlags: primaryKeyFlags(this.index, found.primaryKeys),
        mayAddColumns: Uint8Array.from(found.relationships, r =>
          this.listsAll(r.toId, r.toColumns) &&
          this.listsAll(r.fromId, r.fromColumns)
            ? 0
            : 1,
        ),
      };
    });
  }

  /** Whether every node with this id lists all these columns (in any case). */
  private listsAll(uniqueId: string, columns: string[]): boolean {
    if (!this.positions) {
      this.positions = new Map();
      this.index.nodes.forEach((node, at) => {
        const known = this.positions!.get(node.uniqueId);
        if (known) known.push(at);
        else this.positions!.set(node.uniqueId, [at]);
      });
    }
    return (this.positions.get(uniqueId) ?? []).every(at => {
      const listed = this.columnNames(at);
      return columns.every(name => listed.has(name.toLowerCase()));
    });
  }

  /**
   * Lower-cased names of the columns a node is drawn with before any
   * relationship adds one: its catalog columns, or dbterd's `unknown`.
   */
  columnNames(at: number): Set<string> {
    let names = this.listedColumns[at];
    if (!names) {
      names = new Set(
        listedColumnNames(this.index.nodes[at]).map(name => name.toLowerCase()),
      );
      this.listedColumns[at] = names;
    }
    return names;
  }

  /** The listed columns' names and types, numbered once for the index. */
  columnStrings(): ColumnStrings {
    if (!this.columnStringIds) {
      const strings: string[] = [];
      const numbers = new Map<string, number>();
      const number = (value: string) => {
        let at = numbers.get(value);
        if (at === undefined) {
          at = strings.length;
          strings.push(value);
          numbers.set(value, at);
        }
        return at;
      };
      const ids = this.index.nodes.map(({ columns }) => {
        const pairs = new Int32Array(columns.length * 2);
        columns.forEach((column, at) => {
          pairs[2 * at] = number(column.name);
          pairs[2 * at + 1] = number(column.dataType);
        });
        return pairs;
      });
      this.columnStringIds = { strings, ids };
    }
    return this.columnStringIds;
  }

  /** Each node's entity name in `format`, in index order. */
  entityNames(format: string): string[] {
    return this.names.get(format, () =>
      this.index.nodes.map(node => entityName(node, format)),
    );
  }
}
