/**
 * What entity a table or a key column names, across dbt's naming habits:
 * layer prefixes (`stg_`, `dim_`, `fct_`...), package prefixes
 * (`stg_hubspot__contact`), plurals, and key suffixes (`customer_id`,
 * `customer_key`, `customer_sk`, `fk_customer`).
 */

const LAYER_PREFIXES = [
  'staging',
  'stg',
  'base',
  'raw',
  'src',
  'source',
  'int',
  'intermediate',
  'dim',
  'dimension',
  'fct',
  'fact',
  'mart',
  'core',
  'tmp',
  'vw',
  'v',
  'd',
  'f',
  'tbl',
  'obt',
];
const LAYER_SUFFIXES = [
  'dim',
  'fct',
  'fact',
  'snapshot',
  'snap',
  'view',
  'tbl',
  'base',
  'stg',
  'clean',
  'cleaned',
  'enriched',
  'final',
];

/** `customers` -> `customer`, `categories` -> `category`, `addresses` -> `address`. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(sses|xes|ches|shes)$/.test(word))
    return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}

/** The entity a table name stands for: `stg_jaffle__customers` -> `customer`. */
export function tableEntity(name: string): string {
  let entity = name.toLowerCase();
  const packageSplit = entity.lastIndexOf('__');
  if (packageSplit >= 0) entity = entity.slice(packageSplit + 2);
  let parts = entity.split('_').filter(Boolean);
  while (parts.length > 1 && LAYER_PREFIXES.includes(parts[0]))
    parts = parts.slice(1);
  while (parts.length > 1 && LAYER_SUFFIXES.includes(parts[parts.length - 1]))
    parts = parts.slice(0, -1);
  if (parts.length === 0) return entity;
  parts[parts.length - 1] = singular(parts[parts.length - 1]);
  return parts.join('_');
}

const KEY_SUFFIX = /^(.+?)_(id|key|sk|fk|pk|code|uuid|guid|number|no|num)$/;
const KEY_PREFIX = /^(?:fk|id)_(.+)$/;

/** The entity a key-like column points at: `customer_id` -> `customer`; null for other columns. */
export function columnEntity(column: string): string | null {
  const lower = column.toLowerCase();
  const match = KEY_SUFFIX.exec(lower) ?? KEY_PREFIX.exec(lower);
  if (!match) return null;
  const parts = match[1].split('_').filter(Boolean);
  if (parts.length === 0) return null;
  parts[parts.length - 1] = singular(parts[parts.length - 1]);
  return parts.join('_');
}

/** The layer a table belongs to (its first prefix), to prefer targets in the same layer. */
export function tableLayer(name: string): string {
  const first = name.toLowerCase().split('_', 1)[0];
  return LAYER_PREFIXES.includes(first) ? first : '';
}

/**
 * Does `entity` (from a column) name the table whose entity is
 * `tableEntityName`? Exactly, or as its last words (`customer` names
 * `dim_crm_customer`), or the table's entity ends the column's
 * (`billing_customer` names `customer`).
 */
export function entityMatches(
  entity: string,
  tableEntityName: string,
): boolean {
  return (
    entity === tableEntityName ||
    tableEntityName.endsWith(`_${entity}`) ||
    entity.endsWith(`_${tableEntityName}`)
  );
}

/**
 * A column name without a short table-alias prefix and repeated
 * underscores, to compare key columns across tables the TPC-H way:
 * `o_custkey` and `c_custkey` both read `custkey`.
 */
export function bareColumnName(column: string): string {
  return column
    .toLowerCase()
    .replace(/_+/g, '_')
    .replace(/^[a-z]{1,2}_(?=[a-z])/, '');
}
