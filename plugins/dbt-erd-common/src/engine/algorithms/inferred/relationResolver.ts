import { normalizeRelationName } from '../../artifacts/relationKey';
import { IndexedNode } from '../../artifacts/types';
import { parseDbtReference, referenceMatches } from '../dbtRef';

const PLACEHOLDER = /^__dbt_node_(\d+)__$/;

/**
 * Which ERD node a relation named in SQL is: by its full relation name, by
 * `schema.table`, or by the table name alone when only one node has it.
 * Raw code's `{{ ref() }}` / `{{ source() }}` become placeholder names
 * (`__dbt_node_3__`) that resolve to the node they refer to.
 */
export class RelationResolver {
  private readonly byRelation = new Map<string, string>();
  private readonly bySchemaTable = new Map<string, string | null>();
  private readonly byTable = new Map<string, string | null>();
  private readonly placeholders: string[] = [];
  private readonly placeholderIds = new Map<string, number>();
  private readonly referenceCache = new Map<string, string | null>();

  constructor(private readonly nodes: IndexedNode[]) {
    const add = (map: Map<string, string | null>, key: string, id: string) => {
      // Two nodes with one name: the name alone no longer says which.
      map.set(key, map.has(key) && map.get(key) !== id ? null : id);
    };
    for (const node of nodes) {
      const table = node.tableName.toLowerCase();
      if (node.relationName) {
        this.byRelation.set(
          normalizeRelationName(node.relationName),
          node.uniqueId,
        );
      }
      add(
        this.bySchemaTable,
        `${node.schema.toLowerCase()}.${table}`,
        node.uniqueId,
      );
      add(this.byTable, table, node.uniqueId);
    }
  }

  /** A dotted name's parts (quotes already removed). */
  resolveName(parts: string[]): string | null {
    if (parts.length === 0) return null;
    const lower = parts.map(p => p.toLowerCase());
    const last = lower[lower.length - 1];
    const placeholder = PLACEHOLDER.exec(last);
    if (placeholder) return this.placeholders[Number(placeholder[1])] ?? null;
    // BigQuery may quote the whole `project.dataset.table` as one name.
    const flat = lower.flatMap(p => p.split('.'));
    const full = this.byRelation.get(flat.join('.'));
    if (full) return full;
    const table = flat[flat.length - 1];
    if (flat.length >= 2) {
      const bySchema = this.bySchemaTable.get(
        `${flat[flat.length - 2]}.${table}`,
      );
      if (bySchema) return bySchema;
    }
    return this.byTable.get(table) ?? null;
  }

  /** The placeholder name standing for what a ref()/source() expression names. */
  placeholderFor(expression: string): string | null {
    let nodeId = this.referenceCache.get(expression);
    if (nodeId === undefined) {
      const reference = parseDbtReference(expression);
      nodeId = reference
        ? this.nodes.find(n => referenceMatches(reference, n.uniqueId))
            ?.uniqueId ?? null
        : null;
      this.referenceCache.set(expression, nodeId);
    }
    if (!nodeId) return null;
    let index = this.placeholderIds.get(nodeId);
    if (index === undefined) {
      index = this.placeholders.length;
      this.placeholders.push(nodeId);
      this.placeholderIds.set(nodeId, index);
    }
    return `__dbt_node_${index}__`;
  }
}

/**
 * Raw code made plain SQL: `{{ ref(...) }}` / `{{ source(...) }}` become
 * placeholder names, other `{{ }}` expressions `null`, and `{% %}` / `{# #}`
 * blocks disappear (both branches of an `if` stay). Linear: an unclosed
 * block ends the rendering and the rest is kept as it is.
 */
export function renderRawSql(code: string, resolver: RelationResolver): string {
  let out = '';
  let at = 0;
  while (at < code.length) {
    const open = code.indexOf('{', at);
    if (open < 0 || open === code.length - 1) break;
    const kind = code[open + 1];
    if (kind !== '{' && kind !== '%' && kind !== '#') {
      out += code.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    const closeMark = kind === '{' ? '}}' : `${kind}}`;
    const close = code.indexOf(closeMark, open + 2);
    if (close < 0) break;
    out += code.slice(at, open);
    if (kind === '{') {
      const inner = code.slice(open + 2, close);
      const isReference = /^\s*(ref|source)\s*\(/.test(inner);
      out += (isReference && resolver.placeholderFor(inner)) || ' null ';
    } else {
      out += ' ';
    }
    at = close + 2;
  }
  return out + code.slice(at);
}
