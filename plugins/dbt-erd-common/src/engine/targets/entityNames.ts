import { Erd, ErdEdge } from '../types';

/**
 * Edges point at node ids; diagrams print entity names. An edge end that is
 * not a node (a hand-made Erd) prints as its id.
 */
export function edgeEntityNames(
  erd: Erd,
): (edge: ErdEdge) => { from: string; to: string } {
  const names = new Map(erd.nodes.map(node => [node.id, node.name]));
  return edge => ({
    from: names.get(edge.from_id) ?? edge.from_id,
    to: names.get(edge.to_id) ?? edge.to_id,
  });
}
