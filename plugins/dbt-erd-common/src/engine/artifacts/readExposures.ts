import { exposureEntityRef } from '../catalog/catalogLinks';
import { readMeta } from './meta';
import {
  FieldPath,
  JsonRecord,
  asRecord,
  childPath,
  readDependsOn,
  readRecord,
} from './readers';

/** Node unique_id -> names of the exposures that depend on it. */
export function readExposures(
  manifest: JsonRecord,
  at: FieldPath,
): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  const exposures = readRecord(manifest, 'exposures', at);
  for (const [uniqueId, raw] of Object.entries(exposures)) {
    const exposureAt = childPath(childPath(at, 'exposures'), uniqueId);
    const exposureName = uniqueId.split('.').pop() ?? uniqueId;
    for (const nodeId of readDependsOn(asRecord(raw, exposureAt), exposureAt)) {
      const names = byNode.get(nodeId) ?? [];
      names.push(exposureName);
      byNode.set(nodeId, names);
    }
  }
  return byNode;
}

/**
 * Exposure name -> the Backstage entity it names (`meta.backstage_entity`,
 * or a `url` that is an entity page); undefined when none names one.
 */
export function readExposureEntities(
  manifest: JsonRecord,
  at: FieldPath,
): Record<string, string> | undefined {
  let found: Record<string, string> | undefined;
  const exposures = readRecord(manifest, 'exposures', at);
  for (const [uniqueId, raw] of Object.entries(exposures)) {
    const exposureAt = childPath(childPath(at, 'exposures'), uniqueId);
    const exposure = asRecord(raw, exposureAt);
    const entityRef = exposureEntityRef(
      readMeta(exposure, exposureAt),
      exposure.url,
    );
    if (!entityRef) continue;
    found ??= {};
    found[uniqueId.split('.').pop() ?? uniqueId] = entityRef;
  }
  return found;
}
