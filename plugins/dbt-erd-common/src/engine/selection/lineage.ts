import { SelectionCriterion } from './selectorSyntax';
import { SelectableTable } from './selectableTable';

/**
 * The lineage between the tables (`depends_on.nodes`), for dbt's graph
 * operators. Tests and exposures are not part of it: an ERD draws neither,
 * and dbt's `@` through a relationships test would pull in every table it
 * joins.
 */
export class Lineage {
  private readonly parentsOf = new Map<string, string[]>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(tables: readonly SelectableTable[]) {
    const known = new Set(tables.map(t => t.uniqueId));
    for (const table of tables) {
      const parents = (table.dependsOn ?? []).filter(id => known.has(id));
      this.parentsOf.set(table.uniqueId, parents);
      for (const parent of parents) {
        const children = this.childrenOf.get(parent) ?? [];
        children.push(table.uniqueId);
        this.childrenOf.set(parent, children);
      }
    }
  }

  /** The term's own tables plus what its operators add, as dbt's `collect_specified_neighbors`. */
  expand(
    selected: ReadonlySet<string>,
    criterion: SelectionCriterion,
  ): Set<string> {
    const result = new Set(selected);
    if (criterion.childrensParents) {
      const descendants = this.walk(selected, this.childrenOf, Infinity);
      const withDescendants = new Set([...selected, ...descendants]);
      for (const id of withDescendants) result.add(id);
      for (const id of this.walk(withDescendants, this.parentsOf, Infinity))
        result.add(id);
      return result;
    }
    if (criterion.parents > 0) {
      for (const id of this.walk(selected, this.parentsOf, criterion.parents))
        result.add(id);
    }
    if (criterion.children > 0) {
      for (const id of this.walk(selected, this.childrenOf, criterion.children))
        result.add(id);
    }
    return result;
  }

  /** Breadth first, so that a depth counts the shortest path, as networkx's bfs does. */
  private walk(
    from: Iterable<string>,
    edges: Map<string, string[]>,
    depth: number,
  ): Set<string> {
    const reached = new Set<string>();
    let frontier = [...from];
    const seen = new Set(frontier);
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const neighbour of edges.get(id) ?? []) {
          reached.add(neighbour);
          if (seen.has(neighbour)) continue;
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return reached;
  }
}
