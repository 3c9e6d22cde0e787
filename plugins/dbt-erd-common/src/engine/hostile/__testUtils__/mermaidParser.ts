import fs from 'fs';

/**
 * Mermaid's own parser, for checking that the mermaid target's output
 * parses. The `mermaid` package is ESM and browser-first; its prebuilt
 * browser bundle is evaluated here instead, under the jsdom test
 * environment (the test file opts in with `@jest-environment jsdom`).
 * The bundle declares its export holder with a top-level `var`, which a
 * Function body would keep local: the holder is made global first.
 */

interface Mermaid {
  parse(text: string): Promise<unknown>;
}

let loaded: Mermaid | undefined;

export function loadMermaid(): Mermaid {
  if (loaded) return loaded;
  const bundle = fs.readFileSync(
    require.resolve('mermaid/dist/mermaid.min.js'),
    'utf8',
  );
  const holder = 'var __esbuild_esm_mermaid_nm';
  if (!bundle.includes(holder))
    throw new Error('mermaid bundle layout changed: update loadMermaid');
  // eslint-disable-next-line no-new-func
  new Function(
    bundle.replace(
      holder,
      `${holder} = globalThis.__esbuild_esm_mermaid_nm = globalThis.__esbuild_esm_mermaid_nm || {}`,
    ),
  )();
  loaded = (globalThis as any).mermaid as Mermaid;
  return loaded;
}
