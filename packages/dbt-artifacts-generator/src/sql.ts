import type { ProjectContext } from './context';
import type { ModelSpec, TargetRef } from './projectSpec';

export interface ModelSql {
  raw: string;
  compiled: string;
  /** unique_ids of the project macros the raw SQL calls. */
  macros: string[];
}

/**
 * The CTE alias an input gets in a model's SQL: its name without the layer
 * prefix, which is also how column expressions in specs refer to it.
 */
export function cteName(target: TargetRef): string {
  return target.name.replace(/^(stg|int|fct|dim|raw|base)_+/, '');
}

/**
 * Writes a model's SQL in the import-CTE style dbt projects use, once with
 * Jinja (`raw_code`) and once resolved against the warehouse
 * (`compiled_code`), from the same template so the two always agree.
 */
export function renderModelSql(
  ctx: ProjectContext,
  model: ModelSpec,
): ModelSql {
  const macros = new Set<string>();
  const inline = ctx.spec.inlineMacros ?? {};
  const raw = renderTemplate(model, target => `{{ ${ctx.refCall(target)} }}`);
  const compiledRefs = renderTemplate(model, target =>
    ctx.relationName(target),
  );
  const compiled = compiledRefs.replace(
    /\{\{\s*(\w+)\(([^)]*)\)\s*\}\}/g,
    (call: string, name: string, args: string) => {
      const expand = inline[name];
      if (!expand) return call;
      macros.add(`macro.${ctx.name}.${name}`);
      return expand(
        args.split(',').map(arg => arg.trim().replace(/^'|'$/g, '')),
      );
    },
  );
  return { raw, compiled, macros: [...macros] };
}

function renderTemplate(
  model: ModelSpec,
  relation: (target: TargetRef) => string,
): string {
  const main = cteName(model.from);
  const inputs = [model.from, ...(model.joins ?? []).map(j => j.target)];
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const input of inputs) {
    const name = cteName(input);
    if (seen.has(name)) continue;
    seen.add(name);
    blocks.push(`${name} as (\n\n    select * from ${relation(input)}\n\n)`);
  }
  const padding = model.sqlPadding ?? 0;
  const [firstColumn, secondColumn] = [
    model.columns[0]?.name ?? 'id',
    model.columns[Math.min(2, model.columns.length - 1)]?.name ?? 'id',
  ];
  for (let i = 1; i <= padding; i++) {
    blocks.push(
      `deduplicated_${i} as (\n\n` +
        `    -- keep the latest version of each ${firstColumn} seen by pass ${i}\n` +
        `    select\n` +
        `        ${main}.${firstColumn},\n` +
        `        ${main}.${secondColumn},\n` +
        `        row_number() over (\n` +
        `            partition by ${main}.${firstColumn}\n` +
        `            order by ${main}.${secondColumn} desc\n` +
        `        ) as version_rank_${i},\n` +
        `        count(*) over (partition by ${main}.${secondColumn}) as duplicates_${i}\n` +
        `    from ${main}\n` +
        `    where ${main}.${firstColumn} is not null\n\n)`,
    );
  }

  const select = model.columns
    .map(c =>
      c.expr ? `        ${c.expr} as ${c.name}` : `        ${main}.${c.name}`,
    )
    .join(',\n');
  const joins = (model.joins ?? [])
    .map(
      j =>
        `\n    left join ${cteName(j.target)}\n        on ${main}.${
          j.column
        } = ${cteName(j.target)}.${j.targetColumn}`,
    )
    .join('');
  const where = model.where ? `\n\n    where ${model.where}` : '';
  const groupBy = model.groupBy?.length
    ? `\n\n    group by ${model.groupBy.map((_, i) => i + 1).join(', ')}`
    : '';
  blocks.push(
    `final as (\n\n    select\n${select}\n\n    from ${main}${joins}${where}${groupBy}\n\n)`,
  );
  return `with\n\n${blocks.join(',\n\n')}\n\nselect * from final\n`;
}
