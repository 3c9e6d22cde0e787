import { packedLayout } from './packedLayout';
import { LayoutRequest, LayoutResult } from './types';

/**
 * A cheap overview layout, near-linear in the number of tables: every table
 * its own box, packed per group and the groups packed to the canvas's shape.
 * Used for projects too large to lay out properly on open; the real layout
 * runs when the user focuses a table.
 */
export function gridLayout(request: LayoutRequest): LayoutResult {
  return packedLayout(request);
}
