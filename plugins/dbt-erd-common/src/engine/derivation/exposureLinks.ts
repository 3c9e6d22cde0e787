import { IndexedNode } from '../artifacts/types';
import { ErdNodeDetails } from '../types';

/** The node's exposures that name a catalog entity, in the node's order. */
export function exposureLinks(
  node: IndexedNode,
  exposureEntities: Record<string, string> = {},
): NonNullable<ErdNodeDetails['exposureEntities']> {
  return node.exposures
    .filter(name => Object.hasOwn(exposureEntities, name))
    .map(name => ({ entityRef: exposureEntities[name], via: name }));
}
