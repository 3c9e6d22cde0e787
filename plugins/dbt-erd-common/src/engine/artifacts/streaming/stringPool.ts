import { IndexedColumn, IndexedNode, IndexedTest } from '../types';

/**
 * One shared copy of each repeated string. Every parsed entry brings fresh
 * copies of the same column types and (docs-block) descriptions; on a
 * project of thousands of models these copies were most of the index, and
 * a long-lived heap that large makes V8 grow its young generation (and so
 * RSS) far beyond what the data needs. Pooling right after each entry is
 * read lets the duplicates die young.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  /** The last column seen under each name: a column's type and description mostly repeat with its name. */
  private readonly lastByName = new Map<string, IndexedColumn>();

  intern(value: string): string {
    if (value.length === 0) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Names need no pooling: they come from object keys, which V8 shares
   * already. A column's type and description mostly repeat with its name,
   * so they are first compared with the last column of that name, which is
   * cheaper than hashing them; only the misses are hashed.
   */
  internColumns(columns: IndexedColumn[]): void {
    for (const column of columns) {
      const last = this.lastByName.get(column.name);
      if (last === undefined) {
        column.dataType = this.intern(column.dataType);
        column.description = this.intern(column.description);
        this.lastByName.set(column.name, column);
        continue;
      }
      let same = true;
      if (last.dataType === column.dataType) {
        column.dataType = last.dataType;
      } else {
        column.dataType = this.intern(column.dataType);
        same = false;
      }
      if (last.description === column.description) {
        column.description = last.description;
      } else {
        column.description = this.intern(column.description);
        same = false;
      }
      if (!same) this.lastByName.set(column.name, column);
    }
  }

  internNode(node: IndexedNode): void {
    node.packageName = this.intern(node.packageName);
    node.database = this.intern(node.database);
    node.schema = this.intern(node.schema);
    this.internColumns(node.columns);
  }

  internTest(test: IndexedTest): void {
    test.dependsOn = test.dependsOn.map(id => this.intern(id));
    if (test.attachedNode) test.attachedNode = this.intern(test.attachedNode);
  }
}
