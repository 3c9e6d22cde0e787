import { readMeta } from './meta';
import {
  FieldPath,
  JsonRecord,
  asRecord,
  isRecord,
  readDependsOn,
  readRecord,
  readString,
} from './readers';
import { IndexedTest, TestKwargValue } from './types';

function readKwargs(testMetadata: JsonRecord): Record<string, TestKwargValue> {
  // Null prototype: a `__proto__` kwarg stays a kwarg instead of replacing the prototype.
  const kwargs: Record<string, TestKwargValue> = Object.create(null);
  const raw = testMetadata.kwargs;
  if (!isRecord(raw)) return kwargs;
  for (const [key, value] of Object.entries(raw)) {
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    ) {
      kwargs[key] = value;
    } else if (
      Array.isArray(value) &&
      value.every(item => typeof item === 'string')
    ) {
      kwargs[key] = value as string[];
    }
  }
  return kwargs;
}

/**
 * A generic data test. Singular tests (no `test_metadata`) cannot describe a
 * relationship and are skipped by the caller.
 */
export function readTest(
  uniqueId: string,
  raw: unknown,
  at: FieldPath,
): IndexedTest | null {
  const entry = asRecord(raw, at);
  const testMetadata = readRecord(entry, 'test_metadata', at);
  if (!isRecord(entry.test_metadata)) return null;
  const meta = readMeta(entry, at);
  return {
    uniqueId,
    dependsOn: readDependsOn(entry, at),
    attachedNode: readString(entry, 'attached_node'),
    kwargs: readKwargs(testMetadata),
    relationshipType: readString(meta, 'relationship_type'),
    relationshipLabel: readString(meta, 'relationship_label'),
    ignoreInErd: meta.ignore_in_erd,
    testName: readString(testMetadata, 'name'),
    testNamespace: readString(testMetadata, 'namespace'),
  };
}
