import { readMeta } from './meta';
import {
  FieldPath,
  asRecord,
  isRecord,
  readDependsOn,
  readRecordList,
  readString,
} from './readers';
import { IndexedSemanticModel } from './types';

export function readSemanticModel(
  uniqueId: string,
  raw: unknown,
  at: FieldPath,
): IndexedSemanticModel {
  const entry = asRecord(raw, at);
  const entities = readRecordList(entry, 'entities', at).map(entity => {
    // Older parsers wrote enums as {"value": ...}; accept both shapes.
    const type = isRecord(entity.type)
      ? readString(entity.type, 'value')
      : readString(entity, 'type');
    return {
      name: readString(entity, 'name') ?? '',
      type: (type ?? '').toLowerCase(),
      expr: readString(entity, 'expr') || null,
    };
  });
  return {
    uniqueId,
    dependsOn: readDependsOn(entry, at),
    entities,
    primaryEntity: readString(entry, 'primary_entity') || null,
    relationshipType: readString(readMeta(entry, at), 'relationship_type'),
  };
}
