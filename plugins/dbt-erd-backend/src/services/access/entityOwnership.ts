import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { normaliseOwnerRef, SourceReach } from '../../config/readSourceReach';

/** The entity's namespace, lower case, as allowedNamespaces lists them. */
export function entityNamespace(entity: Entity): string {
  return (entity.metadata.namespace ?? 'default').toLocaleLowerCase('en-US');
}

/**
 * The entity's owners as full refs: the catalog's `ownedBy` relations, and
 * `spec.owner` read with the catalog's own defaults (kind group, the
 * entity's namespace), so a check works whether or not relations are set.
 */
export function entityOwnerRefs(entity: Entity): string[] {
  const owners = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_OWNED_BY) {
      owners.add(relation.targetRef.toLocaleLowerCase('en-US'));
    }
  }
  const owner = entity.spec?.owner;
  if (typeof owner === 'string' && owner.trim()) {
    try {
      owners.add(
        normaliseOwnerRef(owner, 'spec.owner', entity.metadata.namespace),
      );
    } catch {
      // An unreadable owner owns nothing: the entity matches no allowedOwners.
    }
  }
  return [...owners];
}

/** Whether the entity may use a source with this reach (unset reach: everyone). */
export function isWithinReach(entity: Entity, reach: SourceReach): boolean {
  const { allowedOwners, allowedNamespaces } = reach;
  if (!allowedOwners && !allowedNamespaces) return true;
  if (allowedNamespaces?.includes(entityNamespace(entity))) return true;
  return entityOwnerRefs(entity).some(
    owner => allowedOwners?.includes(owner) ?? false,
  );
}
