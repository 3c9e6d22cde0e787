import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { DBT_ERD_CONFIG_KEYS } from './knownConfigKeys';

/*
 * The keys the backend accepts at start-up and the keys config.d.ts
 * documents (and Backstage's schema tools read) are one list: a key added to
 * one only is either refused at start-up or undocumented.
 */
const CONFIG_D_TS = resolve(__dirname, '../../config.d.ts');

/** Paths of the keys config.d.ts declares under `dbtErd`, e.g. `cloud.accounts[].token`. */
function declaredKeyPaths(): string[] {
  const source = ts.createSourceFile(
    CONFIG_D_TS,
    readFileSync(CONFIG_D_TS, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const config = source.statements.find(
    (s): s is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(s) && s.name.text === 'Config',
  );
  const dbtErd = config?.members.find(m => memberName(m) === 'dbtErd');
  if (!dbtErd || !ts.isPropertySignature(dbtErd) || !dbtErd.type) {
    throw new Error('config.d.ts declares no Config.dbtErd');
  }
  return typePaths(dbtErd.type, '');
}

function memberName(member: ts.TypeElement): string | undefined {
  const name = member.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name))
    ? name.text
    : undefined;
}

/** An object type's keys, recursing into objects and arrays of objects; anything else is a leaf. */
function typePaths(type: ts.TypeNode, path: string): string[] {
  if (ts.isTypeLiteralNode(type)) {
    return type.members.flatMap(member => {
      const name = memberName(member);
      if (!name || !ts.isPropertySignature(member) || !member.type) {
        throw new Error(`config.d.ts: cannot read a member of ${path}`);
      }
      const child = path ? `${path}.${name}` : name;
      const inner = typePaths(member.type, child);
      return inner.length ? inner : [child];
    });
  }
  const isArrayReference =
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    type.typeName.text === 'Array';
  const element = ts.isArrayTypeNode(type)
    ? type.elementType
    : (isArrayReference && type.typeArguments?.[0]) || undefined;
  return element && ts.isTypeLiteralNode(element)
    ? typePaths(element, `${path}[]`)
    : [];
}

/** Paths of the keys DBT_ERD_CONFIG_KEYS accepts, in the same form. */
function knownKeyPaths(known: object, path = ''): string[] {
  return Object.entries(known).flatMap(([key, spec]) => {
    const child = path ? `${path}.${key}` : key;
    if (Array.isArray(spec)) return knownKeyPaths(spec[0], `${child}[]`);
    if (spec && typeof spec === 'object') return knownKeyPaths(spec, child);
    return [child];
  });
}

describe('the config keys the backend accepts', () => {
  it('are the keys config.d.ts declares under dbtErd', () => {
    const declared = declaredKeyPaths();
    expect(declared).toContain('cloud.accounts[].token');
    expect(declared).toContain('prebuild.schedule');
    expect(knownKeyPaths(DBT_ERD_CONFIG_KEYS).sort()).toEqual(declared.sort());
  });
});
