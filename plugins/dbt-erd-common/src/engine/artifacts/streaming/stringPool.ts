import { IndexedColumn, IndexedNode, IndexedTest } from '../types';

/**
 * One shared copy of each repeated string. Every parsed entry brings fresh
 * copies of the same column types and (docs-block) descriptions; on a
 * project of thousands of models these copies were most of the index, and
 * a long-lived heap that large makes V8 grow its young generation (and so
 * RSS) far beyond what the data needs. Pooling right after each entry is
 * read lets the duplicates die young; the hashing costs about what the
 * smaller heap saves in garbage collection.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly configs = new Map<string, IndexedNode['config']>();

  intern(value: string): string {
    if (value.length === 0) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** Names need no pooling: they come from object keys, which V8 shares already. */
  internColumns(columns: IndexedColumn[]): void {
    for (const column of columns) {
      column.dataType = this.intern(column.dataType);
      column.description = this.intern(column.description);
    }
  }

  internNode(node: IndexedNode): void {
    node.packageName = this.intern(node.packageName);
    node.database = this.intern(node.database);
    node.schema = this.intern(node.schema);
    this.internColumns(node.columns);
    // Selection facts repeat across nodes: the same tags, folders, configs.
    node.dependsOn = node.dependsOn.map(id => this.intern(id));
    node.tags = node.tags.map(tag => this.intern(tag));
    node.fqn = node.fqn.map(part => this.intern(part));
    node.config = this.internConfig(node.config);
  }

  /**
   * One shared object per distinct config: most nodes of a project share a
   * handful (view, table, incremental...), and a config per node held
   * thousands of small objects for the life of the index.
   */
  private internConfig(config: IndexedNode['config']): IndexedNode['config'] {
    const key = JSON.stringify(config);
    const known = this.configs.get(key);
    if (known !== undefined) return known;
    for (const name of Object.keys(config)) {
      const value = config[name];
      config[name] =
        typeof value === 'string'
          ? this.intern(value)
          : value.map(item => this.intern(item));
    }
    this.configs.set(key, config);
    return config;
  }

  internTest(test: IndexedTest): void {
    test.dependsOn = test.dependsOn.map(id => this.intern(id));
    if (test.attachedNode) test.attachedNode = this.intern(test.attachedNode);
  }
}
