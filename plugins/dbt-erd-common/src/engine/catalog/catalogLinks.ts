import { ErdCatalogLink } from '../types';

/** `kind:namespace/name`, `kind:name` or `name` (kind and namespace defaulted). */
const ENTITY_REF =
  /^(?:([a-z0-9][a-z0-9_-]*):)?(?:([a-z0-9][a-z0-9_.-]*)\/)?([a-z0-9][a-z0-9_.-]*)$/i;

/** An entity page's path in a Backstage app: `/catalog/<namespace>/<kind>/<name>`. */
const ENTITY_PAGE = /\/catalog\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)/;

/**
 * A Backstage entity ref in the canonical form (`kind:namespace/name`, kind
 * and namespace lower-cased), or null when `value` is not one: an e-mail
 * address or a display name (`Mara Okafor`) names no catalog entity.
 */
export function toEntityRef(
  value: unknown,
  defaultKind: string,
): string | null {
  if (typeof value !== 'string') return null;
  const match = ENTITY_REF.exec(value.trim());
  if (!match) return null;
  const [, kind, namespace, name] = match;
  return `${(kind ?? defaultKind).toLowerCase()}:${(
    namespace ?? 'default'
  ).toLowerCase()}/${name}`;
}

/**
 * The catalog entity an exposure names: `meta.backstage_entity` (a ref;
 * `component` when it has no kind), else a `url` that is an entity's page.
 */
export function exposureEntityRef(
  meta: Record<string, unknown>,
  url: unknown,
): string | null {
  const fromMeta = toEntityRef(meta.backstage_entity, 'component');
  if (fromMeta) return fromMeta;
  if (typeof url !== 'string') return null;
  const page = ENTITY_PAGE.exec(url);
  if (!page) return null;
  const [namespace, kind, name] = page.slice(1).map(decodeURIComponent);
  return toEntityRef(`${kind}:${namespace}/${name}`, 'component');
}

/**
 * Who owns a model in the catalog: its dbt `group` (a Backstage group of
 * that name) and `meta.owner` when it is an entity ref or a bare name
 * (`group` when it has no kind), in that order, without repeats.
 */
export function ownerLinks(
  group: string | null,
  metaOwner: string | null,
): ErdCatalogLink[] {
  const links: ErdCatalogLink[] = [];
  const groupRef = toEntityRef(group, 'group');
  if (groupRef) links.push({ entityRef: groupRef, via: 'dbt group' });
  const ownerRef = toEntityRef(metaOwner, 'group');
  if (ownerRef && ownerRef !== groupRef)
    links.push({ entityRef: ownerRef, via: 'meta.owner' });
  return links;
}
