import { ArtifactIndex } from './types';

/** Each node's compiled SQL by unique id (nodes without any are left out). */
export type CompiledSqlById = Record<string, string>;

/**
 * Splits a project index into the part every view reads and the compiled
 * SQL only the `json` export prints (on large projects most of the bytes),
 * so that the two can be stored apart and the SQL loaded only when asked.
 * The index is treated as plain JSON: only `compiledSql` is touched, so new
 * node fields travel through unchanged.
 */
export function setCompiledSqlAside(index: ArtifactIndex): {
  index: ArtifactIndex;
  compiledSql: CompiledSqlById;
} {
  const compiledSql: CompiledSqlById = {};
  const nodes = index.nodes.map(node => {
    if (node.compiledSql === null) return node;
    compiledSql[node.uniqueId] = node.compiledSql;
    return { ...node, compiledSql: null };
  });
  return { index: { ...index, nodes }, compiledSql };
}

/** The index with the compiled SQL set aside by `setCompiledSqlAside` put back. */
export function withCompiledSql(
  index: ArtifactIndex,
  compiledSql: CompiledSqlById,
): ArtifactIndex {
  return {
    ...index,
    nodes: index.nodes.map(node =>
      node.uniqueId in compiledSql
        ? { ...node, compiledSql: compiledSql[node.uniqueId] }
        : node,
    ),
  };
}
