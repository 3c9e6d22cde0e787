import { ErdModel } from '../graph/erdModel';
import { DiagramExposure, exposureSize } from '../graph/exposures';
import { visibleEdges } from '../graph/toFlow';
import { Size } from '../geometry';
import { LayoutRequest } from '../layout/types';

/** The group most of an exposure's tables are in (the first met on a tie). */
function exposureGroup(
  model: ErdModel,
  exposure: DiagramExposure,
): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const id of exposure.tableIds) {
    const group = model.groupOf.get(id);
    if (group === undefined) continue;
    const count = (counts.get(group) ?? 0) + 1;
    counts.set(group, count);
    if (best === undefined || count > counts.get(best)!) best = group;
  }
  return best;
}

/**
 * The tables and relationships to lay out: the model's side (graph/)
 * handed to the layout's (layout/), which know nothing of each other.
 * `sizes` holds the visible tables (see tableSizes). Exposures (see
 * visibleExposures) are laid out as small boxes like tables, linked to
 * the tables they depend on and put in the group of most of them, so that
 * dagre places each next to its tables and packing leaves room for it.
 */
export function buildLayoutRequest(
  model: ErdModel,
  sizes: ReadonlyMap<string, Size>,
  groupAreas: boolean,
  aspectRatio?: number,
  exposures: readonly DiagramExposure[] = [],
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
  const edges: LayoutRequest['edges'] = visibleEdges(
    model,
    new Set(sizes.keys()),
  ).map(e => ({
    id: e.id,
    source: e.from_id,
    target: e.to_id,
  }));
  for (const exposure of exposures) {
    nodes.push({
      id: exposure.id,
      ...exposureSize(exposure),
      group: groupAreas ? exposureGroup(model, exposure) : undefined,
    });
    // The exposure reads the tables, as a fact reads its dimensions: to
    // their left in the left-to-right layout.
    for (const tableId of exposure.tableIds) {
      edges.push({
        id: `${exposure.id}\u0000${tableId}`,
        source: exposure.id,
        target: tableId,
      });
    }
  }
  return {
    nodes,
    edges,
    groupAreas,
    aspectRatio,
  };
}
