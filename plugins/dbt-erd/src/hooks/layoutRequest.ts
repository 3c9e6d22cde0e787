import { ErdModel } from '../graph/erdModel';
import { visibleEdges } from '../graph/toFlow';
import { Size } from '../geometry';
import { LayoutRequest } from '../layout/types';

/**
 * The tables and relationships to lay out: the model's side (graph/)
 * handed to the layout's (layout/), which know nothing of each other.
 * `sizes` holds the visible tables (see tableSizes).
 */
export function buildLayoutRequest(
  model: ErdModel,
  sizes: ReadonlyMap<string, Size>,
  groupAreas: boolean,
  aspectRatio?: number,
): LayoutRequest {
  const nodes: LayoutRequest['nodes'] = [];
  for (const [id, size] of sizes) {
    nodes.push({
      id,
      width: size.width,
      height: size.height,
      group: groupAreas ? model.groupOf.get(id) : undefined,
    });
  }
  return {
    nodes,
    edges: visibleEdges(model, new Set(sizes.keys())).map(e => ({
      id: e.id,
      source: e.from_id,
      target: e.to_id,
    })),
    groupAreas,
    aspectRatio,
  };
}
