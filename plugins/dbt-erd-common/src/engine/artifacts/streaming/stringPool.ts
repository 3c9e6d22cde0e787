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
    for (const key of Object.keys(node.config)) {
      const value = node.config[key];
      node.config[key] =
        typeof value === 'string'
          ? this.intern(value)
          : value.map(item => this.intern(item));
    }
  }

  internTest(test: IndexedTest): void {
    test.dependsOn = test.dependsOn.map(id => this.intern(id));
    if (test.attachedNode) test.attachedNode = this.intern(test.attachedNode);
  }
}
