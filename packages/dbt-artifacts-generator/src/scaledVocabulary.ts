/** Words the scaled projects are named and described with. */

export const SYSTEMS = [
  'erp',
  'crm',
  'billing',
  'web',
  'support',
  'marketing',
  'inventory',
  'payroll',
  'logistics',
  'ads',
  'pos',
  'mobile',
];

export const DOMAINS = [
  'sales',
  'finance',
  'marketing',
  'product',
  'support',
  'operations',
  'people',
  'supply_chain',
];

export const NOUNS = [
  'customer',
  'order',
  'invoice',
  'payment',
  'shipment',
  'product',
  'supplier',
  'campaign',
  'ticket',
  'employee',
  'subscription',
  'refund',
  'warehouse',
  'store',
  'session',
  'account',
  'contract',
  'lead',
  'opportunity',
  'return',
  'promotion',
  'carrier',
  'device',
  'region',
  'budget',
  'vendor',
  'shift',
  'visit',
  'review',
  'quote',
];

export const VERBS = [
  'enriched',
  'joined',
  'deduplicated',
  'aggregated',
  'pivoted',
  'unioned',
  'filtered',
  'scored',
];

/** [name, catalog type, what it holds]. */
export const ATTRIBUTES: Array<[string, string, string]> = [
  ['status', 'text', 'Lifecycle status'],
  ['created_at', 'timestamp without time zone', 'Creation time (UTC)'],
  ['updated_at', 'timestamp without time zone', 'Last update time (UTC)'],
  ['amount_usd', 'numeric', 'Amount in US dollars'],
  ['quantity', 'integer', 'Number of units'],
  ['is_active', 'boolean', 'Whether the record is currently active'],
  ['country_code', 'text', 'ISO 3166-1 alpha-2 country'],
  ['currency_code', 'text', 'ISO 4217 currency'],
  ['discount_pct', 'numeric', 'Discount applied, as a percentage'],
  ['notes', 'text', 'Free-text notes entered by staff'],
  ['email', 'text', 'Contact e-mail address'],
  ['channel', 'text', 'Acquisition or sales channel'],
  ['region', 'text', 'Sales region'],
  ['tier', 'text', 'Service or loyalty tier'],
  ['score', 'numeric', 'Model score between 0 and 1'],
  ['event_date', 'date', 'Calendar date of the event (UTC)'],
  ['loaded_at', 'timestamp without time zone', 'When the loader wrote the row'],
  ['valid_from', 'timestamp without time zone', 'Start of the validity window'],
  [
    'valid_to',
    'timestamp without time zone',
    'End of the validity window; null while current',
  ],
  ['source_system', 'text', 'System the record originates from'],
  ['row_hash', 'text', 'Hash of the business columns, for change detection'],
  ['net_revenue', 'numeric', 'Revenue after discounts and refunds'],
  ['gross_margin', 'numeric', 'Revenue minus cost of goods sold'],
  ['tax_amount', 'numeric', 'Tax charged'],
  [
    'first_seen_at',
    'timestamp without time zone',
    'First time the record was observed',
  ],
  [
    'last_seen_at',
    'timestamp without time zone',
    'Most recent time the record was observed',
  ],
  ['priority', 'integer', 'Priority from 1 (highest) to 5'],
  ['category', 'text', 'Top-level category'],
  ['subcategory', 'text', 'Second-level category'],
  ['is_deleted', 'boolean', 'Soft-delete flag from the source'],
  ['external_ref', 'text', 'Identifier in the partner system'],
  ['owner_name', 'text', 'Name of the responsible owner'],
  ['duration_seconds', 'bigint', 'Elapsed time in seconds'],
  ['unit_cost', 'numeric', 'Cost of one unit'],
  ['language_code', 'text', 'IETF language tag'],
  ['utm_source', 'text', 'utm_source of the first touch'],
  ['is_test_record', 'boolean', 'Internal test data, excluded from reporting'],
  ['fiscal_quarter', 'text', 'Fiscal quarter, e.g. FY25-Q2'],
  ['rank_in_group', 'integer', 'Position within its group by recency'],
  ['latitude', 'double precision', 'Latitude in WGS 84'],
  ['longitude', 'double precision', 'Longitude in WGS 84'],
];

export const DESCRIPTION_TAILS = [
  ', as reported by the source system.',
  '; null when the source does not provide it.',
  ', refreshed with every nightly load.',
  '. Used by finance reporting; do not change semantics without notice.',
  ', normalised during staging.',
  ', taken from the most recent record.',
];

export const OWNERS = [
  { name: 'Data Platform', email: 'data-platform@acme.example' },
  { name: 'Revenue Analytics', email: 'revenue-analytics@acme.example' },
  { name: 'Growth Team', email: 'growth@acme.example' },
  { name: 'Ops Insights', email: 'ops-insights@acme.example' },
];

export function title(text: string): string {
  return text.replace(/_/g, ' ').replace(/^\w/, c => c.toUpperCase());
}
