import fc from 'fast-check';
import { buildErd } from '../buildErd';
import { indexManifestBytesSync } from '../artifacts/streaming/indexManifestBytes';
import { ErdOptions } from '../types';
import {
  GeneratedArtifacts,
  Json,
  dbtArtifactsArb,
} from './__testUtils__/dbtArtifactArbitrary';
import {
  ArtifactFile,
  buildErdFromIndex,
  guarded,
  runs,
} from './__testUtils__/engineGuard';
import {
  byteFlipArb,
  flipChar,
  protoValueArb,
  truncate,
  truncationArb,
  typeMutationsArb,
  withProtoKeys,
  withWrongTypes,
} from './__testUtils__/mutations';

/**
 * Property tests of the engine on generated and then spoiled dbt artifacts,
 * through both readers: `buildErd` on parsed JSON and the byte reader
 * (`indexManifestBytesSync`). See engineGuard for what each run must hold.
 */

const RUNS = runs(150);

const optionsArb: fc.Arbitrary<Partial<ErdOptions>> = fc.record(
  {
    algo: fc.constantFrom('test_relationship', 'semantic', 'model_contract'),
    resourceTypes: fc.constantFrom([], ['model', 'source'], ['model']),
    entityGroup: fc.constantFrom('database.schema', 'label', 'description'),
    entityNameFormat: fc.constantFrom(
      'resource.package.model',
      'table',
      'database.schema.table',
    ),
  },
  { requiredKeys: ['algo'] },
);

const encoder = new TextEncoder();

/** Both readers on the same artifacts; `blamed` is the file that was spoiled. */
function checkBothReaders(
  manifest: Json,
  catalog: Json,
  options: Partial<ErdOptions>,
  blamed: ArtifactFile | null,
) {
  const parsed = guarded(
    () => buildErd({ manifest, catalog }, options),
    blamed,
  );
  const bytes = guarded(
    () =>
      buildErdFromIndex(
        indexManifestBytesSync(
          encoder.encode(JSON.stringify(manifest)),
          encoder.encode(JSON.stringify(catalog)),
          { keepCompiledSql: true },
        ),
        options,
      ),
    blamed,
  );
  return { parsed, bytes };
}

/** Text that JSON.parse may refuse: the caller's SyntaxError, before the engine. */
function parseOrSkip(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The artifacts as pretty-printed JSON text, `file` spoiled. */
function artifactTexts(
  artifacts: GeneratedArtifacts,
  file: ArtifactFile,
  spoil: (text: string) => string,
) {
  const manifest = JSON.stringify(artifacts.manifest, null, 1);
  const catalog = JSON.stringify(artifacts.catalog, null, 1);
  return {
    manifest: file === 'manifest.json' ? spoil(manifest) : manifest,
    catalog: file === 'catalog.json' ? spoil(catalog) : catalog,
  };
}

function byteReaderOutcome(
  manifest: string,
  catalog: string,
  blamed: ArtifactFile,
) {
  return guarded(
    () =>
      buildErdFromIndex(
        // Compiled SQL kept, as buildErd keeps it, so that the ERDs compare.
        indexManifestBytesSync(
          encoder.encode(manifest),
          encoder.encode(catalog),
          { keepCompiledSql: true },
        ),
        {},
      ),
    blamed,
  );
}

function splitArtifacts(a: GeneratedArtifacts) {
  return { manifest: a.manifest as Json, catalog: a.catalog as Json };
}

describe('the engine on hostile artifacts', () => {
  it('builds and renders every generated valid project, by both readers alike', () => {
    fc.assert(
      fc.property(dbtArtifactsArb, optionsArb, (artifacts, options) => {
        const { manifest, catalog } = splitArtifacts(artifacts);
        const { parsed, bytes } = checkBothReaders(
          manifest,
          catalog,
          options,
          'manifest.json',
        );
        expect(parsed.kind).toBe('erd');
        expect(bytes.result).toEqual(parsed.result);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers wrong-typed values anywhere with ErdInputError or an ERD', () => {
    fc.assert(
      fc.property(
        dbtArtifactsArb,
        typeMutationsArb,
        fc.constantFrom<ArtifactFile>('manifest.json', 'catalog.json'),
        optionsArb,
        (artifacts, mutations, file, options) => {
          const { manifest, catalog } = splitArtifacts(artifacts);
          const { parsed, bytes } = checkBothReaders(
            file === 'manifest.json'
              ? withWrongTypes(manifest, mutations)
              : manifest,
            file === 'catalog.json'
              ? withWrongTypes(catalog, mutations)
              : catalog,
            options,
            file,
          );
          // guarded() has already failed the run on any other outcome. Where
          // both readers build an ERD, it is the same ERD. (They may differ on
          // refusing: the byte reader refuses a catalog that is not an object,
          // which buildErd reads as no catalog.)
          const bothBuilt = parsed.kind === 'erd' && bytes.kind === 'erd';
          expect(bothBuilt && bytes.result).toEqual(bothBuilt && parsed.result);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('is not polluted by __proto__, constructor and prototype keys at every level', () => {
    fc.assert(
      fc.property(
        dbtArtifactsArb,
        protoValueArb,
        optionsArb,
        (artifacts, value, options) => {
          const { manifest, catalog } = splitArtifacts(artifacts);
          // Through JSON text, so the keys are own keys exactly as JSON.parse makes them.
          const hostile = (doc: Json) =>
            JSON.parse(JSON.stringify(withProtoKeys(doc, value)));
          const outcomes = [
            checkBothReaders(
              hostile(manifest),
              catalog,
              options,
              'manifest.json',
            ),
            checkBothReaders(
              manifest,
              hostile(catalog),
              options,
              'catalog.json',
            ),
          ];
          // guarded() checks the prototypes after each run. A string where an
          // object belongs is refused; either way both readers agree.
          for (const { parsed, bytes } of outcomes) {
            expect(bytes.kind).toBe(parsed.kind);
            expect(bytes.result).toEqual(parsed.result);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses truncated artifacts with ErdInputError naming the file', () => {
    fc.assert(
      fc.property(
        dbtArtifactsArb,
        truncationArb,
        fc.constantFrom<ArtifactFile>('manifest.json', 'catalog.json'),
        (artifacts, fraction, file) => {
          const { manifest, catalog } = artifactTexts(artifacts, file, t =>
            truncate(t, fraction),
          );
          // A strict prefix of a JSON object is never a JSON document.
          expect(byteReaderOutcome(manifest, catalog, file).kind).toBe(
            'input-error',
          );
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('answers corrupted bytes with ErdInputError naming the file or an ERD', () => {
    fc.assert(
      fc.property(
        dbtArtifactsArb,
        byteFlipArb,
        fc.constantFrom<ArtifactFile>('manifest.json', 'catalog.json'),
        (artifacts, flip, file) => {
          const { manifest, catalog } = artifactTexts(artifacts, file, t =>
            flipChar(t, flip),
          );
          const fromBytes = byteReaderOutcome(manifest, catalog, file);
          // What JSON.parse still accepts goes through buildErd as well.
          const parsedManifest = parseOrSkip(manifest);
          const parsedCatalog = parseOrSkip(catalog);
          const parsed =
            parsedManifest.ok && parsedCatalog.ok
              ? guarded(
                  () =>
                    buildErd({
                      manifest: parsedManifest.value,
                      catalog: parsedCatalog.value,
                    }),
                  file,
                )
              : undefined;
          // guarded() has failed the run on any outcome but an ERD or an
          // ErdInputError naming the file. Where both readers build an ERD
          // from the same bytes, it is the same ERD. (The byte reader may
          // accept bytes JSON.parse refuses, in parts it skips unread.)
          const bothBuilt = fromBytes.kind === 'erd' && parsed?.kind === 'erd';
          expect(bothBuilt && fromBytes.result).toEqual(
            bothBuilt && parsed?.result,
          );
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});
