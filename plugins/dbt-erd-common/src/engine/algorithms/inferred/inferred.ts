import { ArtifactIndex, IndexedNode } from '../../artifacts/types';
import { detectTableKeys, isSingleColumnKey } from '../../keys/detectKeys';
import { Cardinality, EdgeConfidence, ErdTableKey } from '../../types';
import { ErdAlgorithm, FoundRelationship } from '../types';
import { columnEntity, entityMatches, tableEntity, tableLayer } from './entityNames';
import { ModelJoinReader } from './extractJoins';
import { confidenceRank, parseInferredRule } from './inferredRule';
import { SqlJoin } from './joinTypes';
import { RelationResolver } from './relationResolver';

/** At most this many inferred relationships leave one table (its FK side). */
export const MAX_INFERRED_PER_TABLE = 3;
const MAX_EVIDENCE = 4;

interface Candidate {
  fromId: string;
  fromColumn: string;
  toId: string;
  toColumn: string;
  cardinality: Cardinality;
  confidence: EdgeConfidence;
  evidence: string[];
  /** Models whose SQL shows the join. */
  joinModels: Set<string>;
}

interface Tables {
  byId: Map<string, IndexedNode>;
  entities: Map<string, string>;
  keys: Map<string, ErdTableKey[]>;
  columnNames: Map<string, Set<string>>;
  /** Node ids by every word-suffix of their entity (`crm_customer`: `customer`, `crm_customer`). */
  byEntitySuffix: Map<string, string[]>;
}

function pushTo(map: Map<string, string[]>, key: string, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function wordSuffixes(entity: string): string[] {
  const words = entity.split('_');
  return words.map((_, i) => words.slice(i).join('_'));
}

function indexTables(index: ArtifactIndex, keys: Map<string, ErdTableKey[]>): Tables {
  const tables: Tables = {
    byId: new Map(),
    entities: new Map(),
    keys,
    columnNames: new Map(),
    byEntitySuffix: new Map(),
  };
  for (const node of index.nodes) {
    const entity = tableEntity(node.name);
    tables.byId.set(node.uniqueId, node);
    tables.entities.set(node.uniqueId, entity);
    tables.columnNames.set(node.uniqueId, new Set(node.columns.map(c => c.name)));
    for (const suffix of wordSuffixes(entity)) pushTo(tables.byEntitySuffix, suffix, node.uniqueId);
  }
  return tables;
}

/** Tables `entity` may name (see entityMatches), without scanning them all. */
function tablesNamedBy(tables: Tables, entity: string): Set<string> {
  const ids = new Set(tables.byEntitySuffix.get(entity) ?? []);
  for (const suffix of wordSuffixes(entity).slice(1)) {
    for (const id of tables.byEntitySuffix.get(suffix) ?? []) {
      if (tables.entities.get(id) === suffix) ids.add(id);
    }
  }
  return ids;
}

/** 2: a stated key; 1: a key by name (`id`, or `order_id` on `orders`); 0: neither. */
function keyStrength(tables: Tables, nodeId: string, column: string): number {
  if (isSingleColumnKey(tables.keys.get(nodeId), column)) return 2;
  if (column === 'id') return 1;
  const entity = columnEntity(column);
  const own = tables.entities.get(nodeId);
  return entity && own && entity === own ? 1 : 0;
}

function keyEvidence(strength: number): string {
  return strength === 2 ? 'key on to side (unique test or constraint)' : 'key on to side (by name)';
}

const CONFIDENCE_BY_STRENGTH: EdgeConfidence[] = ['low', 'medium', 'high'];

function addCandidate(candidates: Map<string, Candidate>, candidate: Candidate) {
  const key = [candidate.fromId, candidate.fromColumn, candidate.toId, candidate.toColumn].join('\u0000');
  const known = candidates.get(key);
  if (!known) {
    candidates.set(key, candidate);
    return;
  }
  candidate.joinModels.forEach(m => known.joinModels.add(m));
  for (const line of candidate.evidence) {
    if (known.evidence.length < MAX_EVIDENCE && !known.evidence.includes(line)) known.evidence.push(line);
  }
  if (confidenceRank(candidate.confidence) > confidenceRank(known.confidence)) known.confidence = candidate.confidence;
}

/** A join condition as a relationship: the key side is the "one" side. */
function fromJoin(tables: Tables, join: SqlJoin, modelId: string): Candidate | null {
  const { left, right } = join;
  if (left.nodeId === right.nodeId && left.column === right.column) return null;
  const leftStrength = keyStrength(tables, left.nodeId, left.column);
  const rightStrength = keyStrength(tables, right.nodeId, right.column);
  let [from, to, strength] =
    rightStrength >= leftStrength ? [left, right, rightStrength] : [right, left, leftStrength];
  if (leftStrength === rightStrength && leftStrength < 2) {
    // Neither side (or both, by name only) is a stated key: the side whose
    // table the column names is the one side (`orders.customer_id = customers.customer_id`).
    const entity = columnEntity(left.column) ?? columnEntity(right.column);
    const leftNamed = entity !== null && entityMatches(entity, tables.entities.get(left.nodeId) ?? '');
    const rightNamed = entity !== null && entityMatches(entity, tables.entities.get(right.nodeId) ?? '');
    if (leftNamed && !rightNamed) [from, to] = [right, left];
    else if (rightNamed && !leftNamed) [from, to] = [left, right];
    strength = leftNamed !== rightNamed ? Math.max(strength, 1) : Math.min(strength, 0);
  }
  const bothStated = leftStrength === 2 && rightStrength === 2;
  const evidence = [`join in ${modelId}: ${join.condition}`];
  if (strength > 0) evidence.push(keyEvidence(strength));
  return {
    fromId: from.nodeId,
    fromColumn: from.column,
    toId: to.nodeId,
    toColumn: to.column,
    cardinality: bothStated ? '11' : 'n1',
    confidence: CONFIDENCE_BY_STRENGTH[strength],
    evidence,
    joinModels: new Set([modelId]),
  };
}

/**
 * A key-like column (`customer_id`, `fk_customer`) pointing at the table
 * its entity names, when that table has the column (or `id`) as a key.
 * Lineage breaks ties: tables the model reads come first, then the same
 * layer and schema.
 */
function fromName(tables: Tables, node: IndexedNode, column: string): Candidate | null {
  const entity = columnEntity(column);
  if (!entity || tables.entities.get(node.uniqueId) === entity) return null;
  const reads = new Set(node.dependsOn);
  let best: { id: string; column: string; score: number; strength: number } | null = null;
  let tie = false;
  for (const id of tablesNamedBy(tables, entity)) {
    if (id === node.uniqueId) continue;
    const other = tables.byId.get(id)!;
    const names = tables.columnNames.get(id)!;
    const target = names.has(column) ? column : names.has('id') ? 'id' : null;
    if (!target) continue;
    const strength = keyStrength(tables, id, target);
    if (strength === 0) continue;
    const score =
      strength * 8 +
      (reads.has(id) ? 4 : 0) +
      (tableLayer(other.name) === tableLayer(node.name) ? 2 : 0) +
      (other.schema === node.schema ? 1 : 0) +
      (tables.entities.get(id) === entity ? 1 : 0);
    if (!best || score > best.score) {
      best = { id, column: target, score, strength };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  if (!best) return null;
  const evidence = [`name match: ${column} -> ${tables.byId.get(best.id)!.name}`, keyEvidence(best.strength)];
  if (reads.has(best.id)) evidence.push(`lineage: ${node.name} reads ${tables.byId.get(best.id)!.name}`);
  const confident = best.strength === 2 && !tie && (reads.has(best.id) || best.score % 8 >= 2);
  return {
    fromId: node.uniqueId,
    fromColumn: column,
    toId: best.id,
    toColumn: best.column,
    cardinality: isSingleColumnKey(tables.keys.get(node.uniqueId), column) ? '11' : 'n1',
    confidence: confident ? 'medium' : 'low',
    evidence,
    joinModels: new Set(),
  };
}

function rank(a: Candidate, b: Candidate): number {
  return (
    confidenceRank(b.confidence) - confidenceRank(a.confidence) ||
    b.joinModels.size - a.joinModels.size ||
    (a.toId < b.toId ? -1 : a.toId > b.toId ? 1 : 0) ||
    (a.fromColumn < b.fromColumn ? -1 : a.fromColumn > b.fromColumn ? 1 : 0)
  );
}

/** The best few per FK table, one per FK column. */
function capPerTable(candidates: Candidate[]): Candidate[] {
  const byTable = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = byTable.get(candidate.fromId) ?? [];
    list.push(candidate);
    byTable.set(candidate.fromId, list);
  }
  const kept: Candidate[] = [];
  for (const list of byTable.values()) {
    const columns = new Set<string>();
    const pairs = new Set<string>();
    for (const candidate of list.sort(rank)) {
      if (kept.length > 0 && columns.size >= MAX_INFERRED_PER_TABLE) break;
      if (columns.has(candidate.fromColumn) || pairs.has(candidate.toId)) continue;
      columns.add(candidate.fromColumn);
      pairs.add(candidate.toId);
      kept.push(candidate);
      if (columns.size >= MAX_INFERRED_PER_TABLE) break;
    }
  }
  return kept;
}

function toRelationship(candidate: Candidate): FoundRelationship {
  return {
    name: `inferred.${candidate.fromId}.${candidate.fromColumn}.${candidate.toId}.${candidate.toColumn}`,
    fromId: candidate.fromId,
    toId: candidate.toId,
    fromColumns: [candidate.fromColumn],
    toColumns: [candidate.toColumn],
    cardinality: candidate.cardinality,
    label: null,
    provenance: 'inferred',
    evidence: candidate.evidence,
    confidence: candidate.confidence,
  };
}

/**
 * Relationships the project does not declare, from the evidence in its own
 * artifacts: joins in model SQL first, then key-like column names pointing
 * at tables with that key, lineage breaking ties. See README "inferred".
 */
export const inferredAlgorithm: ErdAlgorithm = {
  name: 'inferred',
  description: 'Relationships inferred from joins in model SQL and key-like column names',
  validate: options => {
    parseInferredRule(options.algo);
  },
  // Key tests only (see keys/detectKeys): relationships tests are not evidence here.
  relevantTests: () => () => false,
  readsModelSql: true,
  findRelationships(index: ArtifactIndex, options) {
    const rule = parseInferredRule(options.algo);
    const keys = options.keys ?? detectTableKeys(index);
    const tables = indexTables(index, keys);

    const resolver = new RelationResolver(index.nodes);
    const reader = new ModelJoinReader(resolver, index.adapterType, rule.useParser);
    const candidates = new Map<string, Candidate>();
    for (const node of index.nodes) {
      if (node.resourceType !== 'model' && node.resourceType !== 'snapshot') continue;
      for (const join of reader.read(node)) {
        const candidate = fromJoin(tables, join, node.uniqueId);
        if (candidate) addCandidate(candidates, candidate);
      }
    }
    const joined = new Set([...candidates.values()].map(c => `${c.fromId}\u0000${c.fromColumn}`));
    const joinedPairs = new Set(
      [...candidates.values()].flatMap(c => [`${c.fromId}\u0000${c.toId}`, `${c.toId}\u0000${c.fromId}`]),
    );
    for (const node of index.nodes) {
      for (const column of node.columns) {
        if (joined.has(`${node.uniqueId}\u0000${column.name}`)) continue;
        const candidate = fromName(tables, node, column.name);
        if (!candidate || joinedPairs.has(`${candidate.fromId}\u0000${candidate.toId}`)) continue;
        addCandidate(candidates, candidate);
      }
    }

    const all = [...candidates.values()];
    const drawn = all.filter(c => confidenceRank(c.confidence) >= confidenceRank(rule.minConfidence));
    return {
      relationships: capPerTable(drawn).map(toRelationship),
      inference: {
        parsedModels: reader.counts.parser,
        tokenizedModels: reader.counts.tokenizer,
        skippedModels: reader.counts.skipped,
        candidates: all.length,
      },
    };
  },
};
