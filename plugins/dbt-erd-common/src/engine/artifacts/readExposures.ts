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
