import {
  buildManifest,
  modelNode,
  sourceNode,
} from '../../__testUtils__/artifacts';
import { indexArtifacts } from '../../artifacts/indexArtifacts';
import { SqlJoin } from './joinTypes';
import { parserJoins } from './parserJoins';
import { RelationResolver, renderRawSql } from './relationResolver';
import { tokenJoins } from './tokenJoins';

const index = indexArtifacts({
  manifest: buildManifest({
    nodes: [
      modelNode('orders', { relation_name: '"DB"."MART"."ORDERS"' }),
      modelNode('customers', { relation_name: '"DB"."MART"."CUSTOMERS"' }),
      modelNode('order_items', { relation_name: 'db.mart.order_items' }),
      modelNode('employees', { relation_name: 'db.mart.employees' }),
    ],
    sources: [sourceNode('raw', 'payments')],
  }),
  catalog: {},
});
const resolver = () => new RelationResolver(index.nodes);

const short = (joins: SqlJoin[]) =>
  joins.map(
    j =>
      `${j.left.nodeId.split('.').pop()}.${j.left.column} = ${j.right.nodeId
        .split('.')
        .pop()}.${j.right.column}`,
  );

const CASES: [string, string, string[]][] = [
  [
    'aliases, with and without AS, over quoted relation names',
    `select * from "DB"."MART"."ORDERS" as o left join "DB"."MART"."CUSTOMERS" c on o.customer_id = c.customer_id`,
    ['orders.customer_id = customers.customer_id'],
  ],
  [
    'CTEs that select from a ref, with renamed columns',
    `with o as (select * from db.mart.orders), c as (select id as customer_id from db.mart.customers)
     select * from o join c on o.customer_id = c.customer_id`,
    ['orders.customer_id = customers.id'],
  ],
  [
    'using (x)',
    `select * from db.mart.order_items i join db.mart.orders using (order_id)`,
    ['order_items.order_id = orders.order_id'],
  ],
  [
    'self joins through two aliases',
    `select * from db.mart.employees e join db.mart.employees m on e.manager_id = m.employee_id`,
    ['employees.manager_id = employees.employee_id'],
  ],
  [
    'joins written in WHERE',
    `select * from db.mart.orders o, db.mart.customers c where o.customer_id = c.customer_id and o.x > 1`,
    ['orders.customer_id = customers.customer_id'],
  ],
];

describe('join conditions in model SQL', () => {
  it.each(CASES)('tokenizer reads %s', (_, sql, expected) => {
    expect(short(tokenJoins(sql, resolver()).joins)).toEqual(expected);
  });

  it.each(CASES)('node-sql-parser reads %s', (_, sql, expected) => {
    expect(short(parserJoins(sql, 'postgresql', resolver()))).toEqual(expected);
  });

  it('resolves ref() and source() in raw code and drops the rest of the Jinja', () => {
    const r = resolver();
    const sql = renderRawSql(
      `{{ config(materialized='table') }}
       select * from {{ ref('orders') }} o {% if true %} join {{ source('raw', 'payments') }} p on p.order_id = o.order_id {% endif %}`,
      r,
    );
    expect(sql).not.toContain('{');
    expect(short(tokenJoins(sql, r).joins)).toEqual([
      'payments.order_id = orders.order_id',
    ]);
  });

  it('leaves an unclosed Jinja block and unknown relations alone', () => {
    const r = resolver();
    expect(renderRawSql('select 1 {{ ref("orders"', r)).toBe(
      'select 1 {{ ref("orders"',
    );
    expect(
      tokenJoins('select * from nowhere a join elsewhere b on a.x = b.y', r)
        .joins,
    ).toEqual([]);
  });

  it('says when an alias names two relations, so that the parser reads the statement', () => {
    const sql = `with a as (select * from db.mart.orders o join db.mart.customers c on o.customer_id = c.customer_id)
      select * from db.mart.order_items o join db.mart.orders c on o.order_id = c.order_id`;
    expect(tokenJoins(sql, resolver()).ambiguous).toBe(true);
    expect(short(parserJoins(sql, 'postgresql', resolver()))).toEqual([
      'orders.customer_id = customers.customer_id',
      'order_items.order_id = orders.order_id',
    ]);
  });
});
