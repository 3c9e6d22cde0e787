import { findErdTable } from '../tables/findErdTable';
import { Erd } from '../types';
import { joinSql } from './joinSql';
import { componentOf, relationshipGraph } from './relationshipGraph';
import { shortestHops } from './shortestHops';
import { JoinPath, JoinStep } from './types';

/**
 * The shortest chain of relationships between two tables (named by short
 * name or dbt id), walked either way, with the SQL that joins it. Ties go to
 * declared over inferred relationships, then to fewer many-to-many steps.
 * No chain: the tables each end is connected to, so a reader sees why.
 * Throws ErdTableNotFoundError when a name matches no table.
 */
export function findJoinPath(erd: Erd, from: string, to: string): JoinPath {
  const start = findErdTable(erd, from);
  const end = findErdTable(erd, to);
  const graph = relationshipGraph(erd);
  const hops = shortestHops(graph, start.id, end.id);
  if (!hops) {
    return {
      found: false,
      path: [],
      joins: [],
      fromComponent: componentOf(graph, start.id),
      toComponent: componentOf(graph, end.id),
    };
  }
  const byId = new Map(erd.nodes.map(node => [node.id, node]));
  const path = [start];
  const joins: JoinStep[] = hops.map(hop => {
    const previous = path[path.length - 1];
    path.push(byId.get(hop.to)!);
    const { edge } = hop;
    return {
      from_id: previous.id,
      from_columns: hop.forward ? edge.from_columns : edge.to_columns,
      to_id: hop.to,
      to_columns: hop.forward ? edge.to_columns : edge.from_columns,
      edge_id: edge.id,
      cardinality: edge.cardinality,
      inferred: hop.inferred,
    };
  });
  return {
    found: true,
    path: path.map(node => node.id),
    joins,
    sql: joinSql(erd, path, joins),
  };
}
