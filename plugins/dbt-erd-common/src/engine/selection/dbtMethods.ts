import { compileFnmatch } from './fnmatch';
import { TableTest } from './rules';

/**
 * dbt's selection methods, as dbt-core's `graph/selector_methods.py`
 * matches them: values are case-sensitive and `tag:`, `package:`,
 * `group:`, `path:`, `file:` and `fqn:` take Unix wildcards (fnmatch).
 */
export interface DbtMethodContext {
  /** `package:this` means the root project. */
  projectName: string;
}

type DbtMethod = (value: string, context: DbtMethodContext) => TableTest;

function hasWildcard(value: string): boolean {
  return /[*?[]/.test(value);
}

/** Exact comparison unless the value has wildcards: fnmatch is only paid for when used. */
function matcher(pattern: string): (text: string) => boolean {
  if (!hasWildcard(pattern)) return text => text === pattern;
  return compileFnmatch(pattern);
}

/**
 * dbt's `is_selected_node` for one selector, parsed once: the fqn's leaf
 * equals it, or its leading parts do, a part with a wildcard matching the
 * rest of the fqn (dots in model names count as separators).
 */
function compileFqnMatch(selector: string): (fqn: string[]) => boolean {
  const parts = selector.split('.');
  const slurpFrom = parts.findIndex(hasWildcard);
  const slurp =
    slurpFrom < 0 ? null : compileFnmatch(parts.slice(slurpFrom).join('.'));
  const fixed = slurpFrom < 0 ? parts : parts.slice(0, slurpFrom);
  return fqn => {
    if (fqn.length === 0) return false;
    if (fqn[fqn.length - 1] === selector) return true;
    const flat = fqn.flatMap(segment => segment.split('.'));
    if (flat.length < parts.length) return false;
    for (let i = 0; i < fixed.length; i++) {
      if (flat[i] !== fixed[i]) return false;
    }
    return slurp ? slurp(flat.slice(slurpFrom).join('.')) : true;
  };
}

/** dbt's QualifiedNameSelectorMethod: with or without the package in front. */
function fqnMethod(value: string): TableTest {
  const matches = compileFqnMatch(value);
  return table => {
    const fqn = table.fqn ?? [];
    return matches(fqn) || matches(fqn.slice(1));
  };
}

function trimPath(value: string): string {
  return value.replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * dbt globs the value under the project root and selects a node whose
 * `original_file_path` is one of the matches or lies under one. Without a
 * file system the glob is matched against the path and its folders.
 */
function pathMethod(value: string): TableTest {
  const matches = matcher(trimPath(value));
  return table => {
    const path = table.originalFilePath ?? '';
    if (!path) return false;
    const parts = path.split('/');
    for (let i = parts.length; i > 0; i--) {
      if (matches(parts.slice(0, i).join('/'))) return true;
    }
    return false;
  };
}

function fileMethod(value: string): TableTest {
  const matches = matcher(value);
  return table => {
    const file = (table.originalFilePath ?? '').split('/').pop() ?? '';
    const dot = file.lastIndexOf('.');
    const stem = dot > 0 ? file.slice(0, dot) : file;
    return file !== '' && (matches(file) || matches(stem));
  };
}

/** dbt's `_match_to_string`: booleans compare case-insensitively, the rest as text. */
function configValueMatches(value: string, wanted: string): boolean {
  if (value === 'true' || value === 'false') {
    return value === wanted.toLowerCase();
  }
  return value === wanted;
}

function configMethod(key: string): DbtMethod {
  return wanted => table => {
    const config = table.config;
    if (!config || !Object.prototype.hasOwnProperty.call(config, key))
      return false;
    const value = config[key];
    return typeof value === 'string'
      ? configValueMatches(value, wanted)
      : value.some(item => configValueMatches(item, wanted));
  };
}

/**
 * dbt's SourceSelectorMethod: `source:name`, `source:name.table` or
 * `source:package.name.table`, each part a wildcard. The source name is
 * read from the unique_id, `source.<package>.<source_name>.<table>`.
 */
function sourceMethod(value: string): TableTest {
  const parts = value.split('.');
  const [packagePart, sourcePart, tablePart] =
    parts.length >= 3
      ? [parts[0], parts[1], parts.slice(2).join('.')]
      : ['*', parts[0], parts[1] ?? '*'];
  const packageMatches = matcher(packagePart);
  const sourceMatches = matcher(sourcePart);
  const tableMatches = matcher(tablePart);
  return table => {
    if (table.resourceType !== 'source') return false;
    const [, packageName, sourceName, ...name] = table.uniqueId.split('.');
    return (
      packageMatches(table.packageName ?? packageName ?? '') &&
      sourceMatches(sourceName ?? '') &&
      tableMatches(table.name ?? name.join('.'))
    );
  };
}

export const DBT_METHODS: Record<string, DbtMethod> = {
  tag: value => {
    const matches = matcher(value);
    return table => (table.tags ?? []).some(matches);
  },
  path: pathMethod,
  file: fileMethod,
  fqn: fqnMethod,
  package: (value, { projectName }) => {
    const matches = matcher(value === 'this' ? projectName : value);
    return table => matches(table.packageName ?? '');
  },
  group: value => {
    const matches = matcher(value);
    return table => !!table.group && matches(table.group);
  },
  access: value => table => table.access === value,
  resource_type: value => table => table.resourceType === value,
  source: sourceMethod,
  unique_id: value => table => table.uniqueId === value,
};

/** `config.<key>` for any key, nested ones dotted (`config.contract.enforced`). */
export function dbtMethod(method: string): DbtMethod | undefined {
  if (method.startsWith('config.') && method.length > 'config.'.length) {
    return configMethod(method.slice('config.'.length));
  }
  return Object.prototype.hasOwnProperty.call(DBT_METHODS, method)
    ? DBT_METHODS[method]
    : undefined;
}

/**
 * dbt's default method for a term without one: `path` when it looks like
 * a path, `file` for a file name, else `fqn`.
 */
export function dbtDefaultMethod(value: string): TableTest {
  if (value.includes('/')) return pathMethod(value);
  if (/\.(sql|py|csv)$/i.test(value)) return fileMethod(value);
  return fqnMethod(value);
}

/** dbt methods that need what an ERD does not have, with why. */
export const UNAVAILABLE_DBT_METHODS: Record<string, string> = {
  state: 'it compares with a previous run, which an ERD does not have',
  result: 'it reads run_results.json, which an ERD does not read',
  source_status: 'it reads sources.json, which an ERD does not read',
  test_name: 'it selects tests, which an ERD does not draw',
  test_type: 'it selects tests, which an ERD does not draw',
  unit_test: 'it selects unit tests, which an ERD does not draw',
  metric: 'it selects metrics, which an ERD does not draw',
  semantic_model: 'it selects semantic models, which an ERD does not draw',
  saved_query: 'it selects saved queries, which an ERD does not draw',
  version: 'model versions are not indexed yet',
};
