import { Erd, ErdNode } from 'backstage-plugin-dbt-erd-common';
import { Size } from './types';

/** A dbt exposure that names a Backstage entity, as the diagram draws it. */
export interface DiagramExposure {
  /** The flow node's id: `exposure:<name>` (no dbt table id has that form). */
  id: string;
  name: string;
  /** `kind:namespace/name`. */
  entityRef: string;
  /** The tables it depends on, in model order. */
  tableIds: string[];
}

/** Sizes of an exposure node, shared by the layout and ExposureNode's styles. */
export const EXPOSURE_METRICS = {
  height: 52,
  minWidth: 150,
  maxWidth: 280,
  /** Average glyph width of the 12 px bold name, a safe over-estimate. */
  charWidth: 7.6,
  /** Average glyph width of the 11 px entity link. */
  linkCharWidth: 6.6,
  horizontalPadding: 28,
} as const;

/**
 * The exposures that name an entity, gathered from each table's
 * `exposureEntities` (the engine repeats an exposure on every table it
 * depends on). One exposure per name and entity; an id that a table
 * already has (a hostile manifest) is left out rather than drawn twice.
 */
export function catalogExposures(
  erd: Erd,
  nodeById: ReadonlyMap<string, ErdNode>,
): DiagramExposure[] {
  const details = erd.extras?.nodeDetails;
  if (!details) return [];
  const byKey = new Map<string, DiagramExposure>();
  for (const node of erd.nodes) {
    if (!Object.hasOwn(details, node.id)) continue;
    for (const link of details[node.id].exposureEntities ?? []) {
      const key = `${link.via}\u0000${link.entityRef}`;
      let exposure = byKey.get(key);
      if (!exposure) {
        exposure = {
          id: `exposure:${link.via}`,
          name: link.via,
          entityRef: link.entityRef,
          tableIds: [],
        };
        byKey.set(key, exposure);
      }
      exposure.tableIds.push(node.id);
    }
  }
  const seen = new Set<string>();
  return [...byKey.values()].filter(exposure => {
    if (nodeById.has(exposure.id) || seen.has(exposure.id)) return false;
    seen.add(exposure.id);
    return true;
  });
}

/**
 * The exposures to draw with these tables: those depending on at least one
 * of them, each with only its visible tables (lines to hidden tables would
 * lead nowhere). Exposures never widen the view: they follow the tables.
 */
export function visibleExposures(
  exposures: readonly DiagramExposure[],
  visibleIds: ReadonlySet<string>,
): DiagramExposure[] {
  const shown: DiagramExposure[] = [];
  for (const exposure of exposures) {
    const tableIds = exposure.tableIds.filter(id => visibleIds.has(id));
    if (tableIds.length > 0) shown.push({ ...exposure, tableIds });
  }
  return shown;
}

/** The size an exposure node is drawn at, from its name and entity (known before render, for the layout). */
export function exposureSize(exposure: DiagramExposure): Size {
  const width = Math.ceil(
    Math.max(
      exposure.name.length * EXPOSURE_METRICS.charWidth,
      exposure.entityRef.length * EXPOSURE_METRICS.linkCharWidth,
    ) + EXPOSURE_METRICS.horizontalPadding,
  );
  return {
    width: Math.min(
      EXPOSURE_METRICS.maxWidth,
      Math.max(EXPOSURE_METRICS.minWidth, width),
    ),
    height: EXPOSURE_METRICS.height,
  };
}
