import { ArtifactIndex, IndexedNode } from '../../artifacts/types';
import { detectTableKeys, isSingleColumnKey } from '../../keys/detectKeys';
import { Cardinality, EdgeConfidence, ErdTableKey } from '../../types';
import { ErdAlgorithm, FoundRelationship } from '../types';
import { ColumnNameFactsCache } from './columnNameFacts';
import {
  bareColumnName,
  entityMatches,
  tableEntity,
  tableLayer,
} from './entityNames';
import {
  DateDimension,
  findDateDimensions,
  isDateTyped,
  isFactTable,
} from './dateDimension';
import { ModelJoinReader } from './extractJoins';
import { confidenceRank, parseInferredRule } from './inferredRule';
import { SqlJoin } from './joinTypes';
import { RelationResolver } from './relationResolver';

/**
 * At most this many inferred relationships leave one table (its FK side).
 * A star schema's fact table has more dimensions than the "3 per
 * table", which bench/inferred.js reads as a project's average; this cap
 * only stops one wide table from becoming a hairball of guesses.
 */
export const MAX_INFERRED_PER_TABLE = 8;
const MAX_EVIDENCE = 4;

/** A column that says the table holds lines of something (`claim_line_number`). */
const LINE_GRAIN = /(^|_)line_(number|num|no|id|seq)$/;

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

/**
 * The project's tables as the matching reads them. What only some tables
 * need (their column names, line grain, documented keys) is worked out
 * when first asked: matching visits every column of every table, but
 * looks closely at few.
 */
interface Tables {
  byId: Map<string, IndexedNode>;
  entities: Map<string, string>;
  keys: Map<string, ErdTableKey[]>;
  /** Column names by node id, see columnNamesOf. */
  columnNames: Map<string, Set<string>>;
  /** Node ids by every word-suffix of their entity (`crm_customer`: `customer`, `crm_customer`). */
  byEntitySuffix: Map<string, string[]>;
  /** Stated one-column keys by bare column name (see bareColumnName): `custkey` -> customer.c_custkey. */
  keysByBareName: Map<string, { nodeId: string; column: string }[]>;
  /** Whether a table has a `..._line_number`-like column (its entity id repeats), see isLineGrain. */
  lineGrain: Map<string, boolean>;
  /** What each distinct column name says. */
  names: ColumnNameFactsCache;
  /** tablesNamedBy by entity. */
  namedBy: Map<string, Set<string>>;
}

/** A column description that names the column the table's key ("primary key for this table", "PK"). */
const DOCUMENTED_KEY =
  /\b(primary[ _-]?key|unique (identifier|key)|surrogate key|\bpk\b)/i;

function pushTo(map: Map<string, string[]>, key: string, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function wordSuffixes(entity: string): string[] {
  const words = entity.split('_');
  return words.map((_, i) => words.slice(i).join('_'));
}

function indexTables(
  index: ArtifactIndex,
  keys: Map<string, ErdTableKey[]>,
): Tables {
  const tables: Tables = {
    byId: new Map(),
    entities: new Map(),
    keys,
    columnNames: new Map(),
    byEntitySuffix: new Map(),
    keysByBareName: new Map(),
    lineGrain: new Map(),
    names: new ColumnNameFactsCache(),
    namedBy: new Map(),
  };
  for (const [nodeId, tableKeys] of keys) {
    for (const key of tableKeys) {
      if (key.columns.length !== 1) continue;
      const bare = bareColumnName(key.columns[0]);
      const list = tables.keysByBareName.get(bare) ?? [];
      list.push({ nodeId, column: key.columns[0] });
      tables.keysByBareName.set(bare, list);
    }
  }
  for (const node of index.nodes) {
    const entity = tableEntity(node.name);
    tables.byId.set(node.uniqueId, node);
    tables.entities.set(node.uniqueId, entity);
    for (const suffix of wordSuffixes(entity))
      pushTo(tables.byEntitySuffix, suffix, node.uniqueId);
  }
  return tables;
}

function columnNamesOf(tables: Tables, nodeId: string): Set<string> {
  let names = tables.columnNames.get(nodeId);
  if (!names) {
    names = new Set(tables.byId.get(nodeId)!.columns.map(c => c.name));
    tables.columnNames.set(nodeId, names);
  }
  return names;
}

function isLineGrain(tables: Tables, nodeId: string): boolean {
  let lineGrain = tables.lineGrain.get(nodeId);
  if (lineGrain === undefined) {
    lineGrain =
      tables.byId.get(nodeId)?.columns.some(c => LINE_GRAIN.test(c.name)) ??
      false;
    tables.lineGrain.set(nodeId, lineGrain);
  }
  return lineGrain;
}

/** Does the description of `column` call it the table's primary key? */
function isDocumentedKey(
  tables: Tables,
  nodeId: string,
  column: string,
): boolean {
  return (
    tables.byId
      .get(nodeId)
      ?.columns.some(
        c => c.name === column && DOCUMENTED_KEY.test(c.description),
      ) ?? false
  );
}

/**
 * Tables `entity` may name (see entityMatches), without scanning them all.
 * The set is shared between callers: read it, never change it.
 */
function tablesNamedBy(tables: Tables, entity: string): Set<string> {
  const known = tables.namedBy.get(entity);
  if (known) return known;
  const ids = new Set(tables.byEntitySuffix.get(entity) ?? []);
  for (const suffix of wordSuffixes(entity).slice(1)) {
    for (const id of tables.byEntitySuffix.get(suffix) ?? []) {
      if (tables.entities.get(id) === suffix) ids.add(id);
    }
  }
  tables.namedBy.set(entity, ids);
  return ids;
}

/** 2: a stated key; 1: a key by name (`id`, or `order_id` on `orders`); 0: neither. */
function keyStrength(tables: Tables, nodeId: string, column: string): number {
  if (isSingleColumnKey(tables.keys.get(nodeId), column)) return 2;
  if (column === 'id') return 1;
  const entity = tables.names.of(column).entity;
  const own = tables.entities.get(nodeId);
  return entity && own && entity === own ? 1 : 0;
}

function keyEvidence(strength: number): string {
  return strength === 2
    ? 'key on to side (unique test or constraint)'
    : 'key on to side (by name)';
}

const CONFIDENCE_BY_STRENGTH: EdgeConfidence[] = ['low', 'medium', 'high'];

function addCandidate(
  candidates: Map<string, Candidate>,
  candidate: Candidate,
) {
  const key = [
    candidate.fromId,
    candidate.fromColumn,
    candidate.toId,
    candidate.toColumn,
  ].join('\u0000');
  const known = candidates.get(key);
  if (!known) {
    candidates.set(key, candidate);
    return;
  }
  candidate.joinModels.forEach(m => known.joinModels.add(m));
  for (const line of candidate.evidence) {
    if (known.evidence.length < MAX_EVIDENCE && !known.evidence.includes(line))
      known.evidence.push(line);
  }
  if (confidenceRank(candidate.confidence) > confidenceRank(known.confidence))
    known.confidence = candidate.confidence;
}

/**
 * Does the column's entity name this table as the one side? Not when the
 * table is at line grain (`medical_claim` with `claim_line_number`): its
 * `claim_id` repeats.
 */
function namesOneSide(
  tables: Tables,
  entity: string | null,
  nodeId: string,
): boolean {
  if (
    entity === null ||
    !entityMatches(entity, tables.entities.get(nodeId) ?? '')
  )
    return false;
  return !isLineGrain(tables, nodeId);
}

/** A join condition as a relationship: the key side is the "one" side. */
function fromJoin(
  tables: Tables,
  join: SqlJoin,
  modelId: string,
): Candidate | null {
  const { left, right } = join;
  if (left.nodeId === right.nodeId && left.column === right.column) return null;
  const leftStrength = keyStrength(tables, left.nodeId, left.column);
  const rightStrength = keyStrength(tables, right.nodeId, right.column);
  let [from, to, strength] =
    rightStrength >= leftStrength
      ? [left, right, rightStrength]
      : [right, left, leftStrength];
  if (leftStrength === rightStrength && leftStrength < 2) {
    // Neither side (or both, by name only) is a stated key: the side whose
    // table the column names is the one side (`orders.customer_id = customers.customer_id`).
    const entity =
      tables.names.of(left.column).entity ??
      tables.names.of(right.column).entity;
    const leftNamed = namesOneSide(tables, entity, left.nodeId);
    const rightNamed = namesOneSide(tables, entity, right.nodeId);
    if (leftNamed && !rightNamed) [from, to] = [right, left];
    else if (rightNamed && !leftNamed) [from, to] = [left, right];
    strength =
      leftNamed !== rightNamed ? Math.max(strength, 1) : Math.min(strength, 0);
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
function fromName(
  tables: Tables,
  node: IndexedNode,
  column: string,
): Candidate | null {
  const facts = tables.names.of(column);
  const entity = facts.entity;
  if (!entity || tables.entities.get(node.uniqueId) === entity) return null;
  const reads = new Set(node.dependsOn);
  let best: {
    id: string;
    column: string;
    score: number;
    strength: number;
  } | null = null;
  let tie = false;
  for (const id of tablesNamedBy(tables, entity)) {
    if (id === node.uniqueId || isCopyOf(tables, node, id)) continue;
    const names = columnNamesOf(tables, id);
    // `readmission_patient_id` -> `patient_id` of core__patient, else its `id`.
    const target = facts.keyColumnNames.find(name => names.has(name)) ?? null;
    if (!target) continue;
    const strength = keyStrength(tables, id, target);
    if (strength === 0) continue;
    const score =
      (strength === 2 ? 4 : 0) +
      placementScore(tables, node, id, reads) +
      (tables.entities.get(id) === entity ? 2 : 0);
    if (!best || score > best.score) {
      best = { id, column: target, score, strength };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  if (!best) return null;
  const evidence = [
    `name match: ${column} -> ${tables.byId.get(best.id)!.name}`,
    keyEvidence(best.strength),
  ];
  if (reads.has(best.id))
    evidence.push(
      `lineage: ${node.name} reads ${tables.byId.get(best.id)!.name}`,
    );
  const confident = best.strength === 2 && !tie;
  return {
    fromId: node.uniqueId,
    fromColumn: column,
    toId: best.id,
    toColumn: best.column,
    cardinality: isSingleColumnKey(tables.keys.get(node.uniqueId), column)
      ? '11'
      : 'n1',
    confidence: confident ? 'medium' : 'low',
    evidence,
    joinModels: new Set(),
  };
}

/**
 * A fact's `date` column to the project's date dimension, when there is
 * exactly one (two would leave the choice to a guess).
 */
function fromDateDimension(
  dateDimensions: DateDimension[],
  node: IndexedNode,
  column: IndexedNode['columns'][number],
): Candidate | null {
  if (dateDimensions.length !== 1 || !isFactTable(node)) return null;
  const [dimension] = dateDimensions;
  if (dimension.nodeId === node.uniqueId || !isDateTyped(column.dataType))
    return null;
  return {
    fromId: node.uniqueId,
    fromColumn: column.name,
    toId: dimension.nodeId,
    toColumn: dimension.column,
    cardinality: 'n1',
    confidence: 'medium',
    evidence: [
      `date dimension: ${node.name}.${column.name} is a date, ${dimension.name} is keyed on the date ${dimension.column}`,
    ],
    joinModels: new Set(),
  };
}

/** Above this many tables keyed on one name, the name says nothing about which (`id`). */
const MAX_KEY_HOLDERS = 12;

/**
 * A column named like another table's stated key (`ticker` -> organization
 * keyed on `ticker`; `o_custkey` -> customer keyed on `c_custkey`), when
 * few tables have that key. Lineage, then layer and schema break ties.
 */
function fromKeyName(
  tables: Tables,
  node: IndexedNode,
  column: string,
): Candidate | null {
  // A table keyed on the same column is a peer: it points (one-to-one) at the hub only.
  const isPeer = isSingleColumnKey(tables.keys.get(node.uniqueId), column);
  // A name that says its entity (`claim_id`) points at that entity's table
  // or nowhere: another table keyed on `claim_id` is a sibling, not the claim.
  const facts = tables.names.of(column);
  if (facts.entity && tablesNamedBy(tables, facts.entity).size > 0) return null;
  // The whole name first, then role-playing prefixes dropped:
  // `pickup_location_id` -> `location_id`, `reimbursement_transaction_id` -> `transaction_id`.
  for (const [start, name] of facts.bareSuffixes.entries()) {
    const holders = keyHolders(tables, node, column, name, start > 0);
    if (holders === null) return null;
    if (holders.length === 0) continue;
    const candidate = keyNameCandidate(tables, node, column, holders);
    if (!isPeer) return candidate;
    if (start > 0 || candidate.confidence === 'low') return null;
    return { ...candidate, cardinality: '11' };
  }
  return null;
}

/**
 * The tables keyed on `name` that `column` of `node` may point at; null
 * when there are more than MAX_KEY_HOLDERS of them. Stops counting there:
 * a common key (`id`, `customer_id`) has hundreds of holders, and this runs
 * for every column of every table.
 */
function keyHolders(
  tables: Tables,
  node: IndexedNode,
  column: string,
  name: string,
  prefixed: boolean,
): { nodeId: string; column: string }[] | null {
  const holders: { nodeId: string; column: string }[] = [];
  for (const h of tables.keysByBareName.get(name) ?? []) {
    // A table refers to itself only through a prefixed name.
    if (h.nodeId === node.uniqueId && !(prefixed && h.column !== column))
      continue;
    if (isCopyOf(tables, node, h.nodeId)) continue;
    holders.push(h);
    if (holders.length > MAX_KEY_HOLDERS) return null;
  }
  return holders;
}

/** `stg_orders` reading `orders` (or read by it): the same entity one layer on, not a relationship. */
function isCopyOf(tables: Tables, node: IndexedNode, otherId: string): boolean {
  // The entity first: it rarely matches, and the lineage lists are scanned.
  if (tables.entities.get(otherId) !== tables.entities.get(node.uniqueId))
    return false;
  const other = tables.byId.get(otherId);
  return (
    node.dependsOn.includes(otherId) ||
    (other?.dependsOn.includes(node.uniqueId) ?? false)
  );
}

function keyNameCandidate(
  tables: Tables,
  node: IndexedNode,
  column: string,
  holders: { nodeId: string; column: string }[],
): Candidate {
  const reads = new Set(node.dependsOn);
  const width = (id: string) => columnNamesOf(tables, id).size;
  // Of several tables unique on `ticker`, the one whose docs call it the
  // primary key is the entity's own; the others are one row per entity facts.
  const documented = (h: { nodeId: string; column: string }) =>
    isDocumentedKey(tables, h.nodeId, h.column) ? 3 : 0;
  const scored = holders
    .map(h => ({
      ...h,
      score: placementScore(tables, node, h.nodeId, reads) + documented(h),
    }))
    // Equal placement: the widest table keyed on the name is the entity's
    // own (organization keyed on `ticker`, beside narrow per-ticker facts).
    .sort((a, b) => b.score - a.score || width(b.nodeId) - width(a.nodeId));
  const best = scored[0];
  const runnerUp = scored[1];
  // Copies of one entity (seed `supplier`, source `source_supplier`, both
  // keyed on `s_suppkey`) tie without making the entity a guess.
  const tie =
    runnerUp !== undefined &&
    runnerUp.score === best.score &&
    width(runnerUp.nodeId) * 1.5 > width(best.nodeId) &&
    !(
      runnerUp.column === best.column &&
      tables.entities.get(runnerUp.nodeId) === tables.entities.get(best.nodeId)
    );
  const target = tables.byId.get(best.nodeId)!;
  const evidence = [
    `name match: ${column} -> key ${target.name}.${best.column}`,
    keyEvidence(2),
  ];
  if (documented(best) > 0)
    evidence.push(`key documented: ${target.name}.${best.column}`);
  if (reads.has(best.nodeId))
    evidence.push(`lineage: ${node.name} reads ${target.name}`);
  else if (runnerUp && runnerUp.score === best.score)
    evidence.push(`widest table keyed on ${best.column}`);
  return {
    fromId: node.uniqueId,
    fromColumn: column,
    toId: best.nodeId,
    toColumn: best.column,
    cardinality: 'n1',
    confidence: tie ? 'low' : 'medium',
    evidence,
    joinModels: new Set(),
  };
}

const FACT_LAYERS = new Set(['fct', 'fact', 'f']);
const DIMENSION_LAYERS = new Set(['dim', 'dimension', 'd']);

/** The same layer, or a fact pointing at a dimension: the star schema facts are built for. */
function oneStar(fromLayer: string, toLayer: string): boolean {
  return (
    fromLayer === toLayer ||
    (FACT_LAYERS.has(fromLayer) && DIMENSION_LAYERS.has(toLayer))
  );
}

/** How well a target table fits a referencing one: read by it, same layer, same schema, same type. */
function placementScore(
  tables: Tables,
  node: IndexedNode,
  targetId: string,
  reads: Set<string>,
): number {
  const other = tables.byId.get(targetId)!;
  return (
    (reads.has(targetId) ? 4 : 0) +
    (oneStar(tableLayer(node.name), tableLayer(other.name)) ? 5 : 0) +
    (other.schema === node.schema ? 1 : 0) +
    (other.resourceType === node.resourceType ? 1 : 0)
  );
}

function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function rank(a: Candidate, b: Candidate): number {
  return (
    confidenceRank(b.confidence) - confidenceRank(a.confidence) ||
    b.joinModels.size - a.joinModels.size ||
    byCodeUnits(a.toId, b.toId) ||
    byCodeUnits(a.fromColumn, b.fromColumn)
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
    // Target table -> the key column kept for it: a second column to the same
    // key is a role (`pickup_location_id`, `dropoff_location_id` -> zone), a
    // second column to another column of that table is a guess too many.
    const pairs = new Map<string, string>();
    for (const candidate of list.sort(rank)) {
      if (kept.length > 0 && columns.size >= MAX_INFERRED_PER_TABLE) break;
      const keptKey = pairs.get(candidate.toId);
      if (
        columns.has(candidate.fromColumn) ||
        (keptKey !== undefined && keptKey !== candidate.toColumn)
      )
        continue;
      columns.add(candidate.fromColumn);
      pairs.set(candidate.toId, candidate.toColumn);
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
  description:
    'Relationships inferred from joins in model SQL and key-like column names',
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
    const dateDimensions = findDateDimensions(
      index.nodes,
      keys,
      node => tables.entities.get(node.uniqueId)!,
    );

    const resolver = new RelationResolver(index.nodes);
    const reader = new ModelJoinReader(
      resolver,
      index.adapterType,
      rule.useParser,
    );
    const candidates = new Map<string, Candidate>();
    for (const node of index.nodes) {
      if (node.resourceType !== 'model' && node.resourceType !== 'snapshot')
        continue;
      for (const join of reader.read(node)) {
        const candidate = fromJoin(tables, join, node.uniqueId);
        if (candidate) addCandidate(candidates, candidate);
      }
    }
    // FK columns a join already relates, by table: a set per table, since
    // joined keys built per column would cost a string for every column.
    const joined = new Map<string, Set<string>>();
    for (const c of candidates.values()) {
      const columns = joined.get(c.fromId) ?? new Set<string>();
      columns.add(c.fromColumn);
      joined.set(c.fromId, columns);
    }
    // Tables a join already relates, with the key it joined on: a name
    // match between them only adds a role on that same key.
    const joinedPairs = new Map<string, string>();
    for (const c of candidates.values()) {
      joinedPairs.set(`${c.fromId}\u0000${c.toId}`, c.toColumn);
      joinedPairs.set(`${c.toId}\u0000${c.fromId}`, '');
    }
    for (const node of index.nodes) {
      const joinedColumns = joined.get(node.uniqueId);
      for (const column of node.columns) {
        if (joinedColumns?.has(column.name)) continue;
        const candidate =
          fromName(tables, node, column.name) ??
          fromKeyName(tables, node, column.name) ??
          fromDateDimension(dateDimensions, node, column);
        const joinedOn = candidate
          ? joinedPairs.get(`${candidate.fromId}\u0000${candidate.toId}`)
          : undefined;
        if (
          !candidate ||
          (joinedOn !== undefined && joinedOn !== candidate.toColumn)
        )
          continue;
        addCandidate(candidates, candidate);
      }
    }

    const all = [...candidates.values()];
    const drawn = all.filter(
      c => confidenceRank(c.confidence) >= confidenceRank(rule.minConfidence),
    );
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
