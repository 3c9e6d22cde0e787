import { CatalogLookup } from '../catalogIndex';
import { manifestNotAnObject } from '../indexArtifacts';
import {
  FieldPath,
  JsonRecord,
  childPath,
  readRecord,
  readString,
  requireRecord,
} from '../readers';
import { readExposureEntities, readExposures } from '../readExposures';
import { readSelectors } from '../readSelectors';
import { readNode, tableResourceType } from '../readNode';
import { readSemanticModel } from '../readSemanticModel';
import { readTest } from '../readTest';
import { ManifestVersionCheck, checkManifestVersion } from '../schemaVersion';
import {
  ArtifactIndex,
  IndexedNode,
  IndexedSemanticModel,
  IndexedTest,
} from '../types';
import { DocumentReader, MemberHandling, SKIP } from './documentReader';
import { FieldPlan } from './fieldPlan';
import {
  EXPOSURE_PLAN,
  SEMANTIC_MODEL_PLAN,
  TABLE_PLAN,
  TABLE_WITH_MODEL_SQL_PLAN,
  TABLE_WITH_SQL_PLAN,
  TEST_PLAN,
} from './entryPlans';
import { ManifestReadOptions } from './manifestReadOptions';
import { StringPool } from './stringPool';

const MANIFEST: FieldPath = { file: 'manifest.json', path: '' };
const NO_EXPOSURES = new Map<string, string[]>();

/**
 * A section read entry by entry. A value that is not an object (null, a
 * list) goes through the same reader as in indexArtifacts, which accepts
 * null as empty and words the error for the rest.
 */
function entriesOf(
  key: string,
  planFor: (uniqueId: string) => FieldPlan | null,
  onEntry: (uniqueId: string, raw: unknown) => void,
  read: typeof readRecord = readRecord,
): MemberHandling {
  return {
    kind: 'entries',
    section: { planFor, onEntry },
    onValue: value => read({ [key]: value }, key, MANIFEST),
  };
}

/**
 * Builds the ArtifactIndex from a manifest's entries as a DocumentScanner
 * hands them over, with the same readers `indexArtifacts` uses. Entries are
 * kept in maps keyed by unique_id, and a repeated section replaces the
 * earlier one, so that repeated keys resolve as JSON.parse resolves them.
 */
export class ManifestIndexReader implements DocumentReader {
  private catalog: CatalogLookup | null = null;
  private catalogWarnings: string[] = [];
  private metadata: unknown = undefined;
  private selectors: unknown = undefined;
  private versionCheck: ManifestVersionCheck | null = null;
  private nodesSeen = false;
  private semanticModelsSeen = false;
  private readonly tables = new Map<string, IndexedNode>();
  private readonly sources = new Map<string, IndexedNode>();
  private readonly tests = new Map<string, IndexedTest | null>();
  private readonly semanticModels = new Map<string, IndexedSemanticModel>();
  private readonly exposures = new Map<string, unknown>();

  constructor(
    private readonly options: ManifestReadOptions,
    private readonly strings: StringPool,
  ) {}

  get needsCatalog(): boolean {
    return this.catalog === null;
  }

  /** The catalog must be set before nodes are read: their columns merge with it. */
  useCatalog(catalog: CatalogLookup, warnings: string[]): void {
    this.catalog = catalog;
    this.catalogWarnings = warnings;
  }

  pauseBefore(key: string): boolean {
    return this.catalog === null && (key === 'nodes' || key === 'sources');
  }

  notAnObject(): Error {
    return manifestNotAnObject();
  }

  handle(key: string): MemberHandling {
    switch (key) {
      case 'metadata':
        return { kind: 'value', onValue: value => this.readMetadata(value) };
      case 'nodes':
        return this.nodesSection();
      case 'sources':
        return this.sourcesSection();
      case 'exposures':
        return this.exposuresSection();
      case 'semantic_models':
        return this.semanticModelsSection();
      case 'selectors':
        // Small (a selectors.yml), so read whole.
        return { kind: 'value', onValue: value => (this.selectors = value) };
      default:
        return SKIP;
    }
  }

  private readMetadata(value: unknown): void {
    this.metadata = value;
    // Checked as soon as it is read, so an unsupported manifest is refused
    // before its nodes are.
    this.versionCheck = checkManifestVersion({ metadata: value });
  }

  private nodesSection(): MemberHandling {
    this.nodesSeen = true;
    this.tables.clear();
    this.tests.clear();
    const nodesAt = childPath(MANIFEST, 'nodes');
    const isTestWanted = this.options.isTestWanted ?? (() => true);
    const wantedTable = (uniqueId: string) => {
      const resourceType = tableResourceType(uniqueId);
      return resourceType !== 'source' && this.isTypeWanted(resourceType)
        ? resourceType
        : null;
    };
    const isWantedTest = (uniqueId: string) =>
      !tableResourceType(uniqueId) &&
      uniqueId.startsWith('test') &&
      isTestWanted(uniqueId);
    return entriesOf(
      'nodes',
      uniqueId => {
        if (wantedTable(uniqueId)) return this.tablePlan;
        return isWantedTest(uniqueId) ? TEST_PLAN : null;
      },
      (uniqueId, raw) => {
        const at = childPath(nodesAt, uniqueId);
        const resourceType = wantedTable(uniqueId);
        if (resourceType) {
          this.tables.set(
            uniqueId,
            this.readTable(uniqueId, raw, 'nodes', resourceType, at),
          );
        } else if (isWantedTest(uniqueId)) {
          const test = readTest(uniqueId, raw, at);
          if (test) this.strings.internTest(test);
          // Singular tests stay as null, so a repeated key keeps its place.
          this.tests.set(uniqueId, test);
        }
      },
      requireRecord,
    );
  }

  private sourcesSection(): MemberHandling {
    this.sources.clear();
    const sourcesAt = childPath(MANIFEST, 'sources');
    const isWanted = (uniqueId: string) =>
      this.isTypeWanted('source') && uniqueId.startsWith('source');
    return entriesOf(
      'sources',
      uniqueId => (isWanted(uniqueId) ? this.tablePlan : null),
      (uniqueId, raw) => {
        if (!isWanted(uniqueId)) return;
        const at = childPath(sourcesAt, uniqueId);
        this.sources.set(
          uniqueId,
          this.readTable(uniqueId, raw, 'sources', 'source', at),
        );
      },
    );
  }

  private exposuresSection(): MemberHandling {
    this.exposures.clear();
    return entriesOf(
      'exposures',
      () => EXPOSURE_PLAN,
      (uniqueId, raw) => this.exposures.set(uniqueId, raw),
    );
  }

  private semanticModelsSection(): MemberHandling {
    this.semanticModelsSeen = true;
    this.semanticModels.clear();
    const semanticAt = childPath(MANIFEST, 'semantic_models');
    return entriesOf(
      'semantic_models',
      () => SEMANTIC_MODEL_PLAN,
      (uniqueId, raw) =>
        this.semanticModels.set(
          uniqueId,
          readSemanticModel(uniqueId, raw, childPath(semanticAt, uniqueId)),
        ),
    );
  }

  private get tablePlan(): FieldPlan {
    if (this.options.keepModelSql) return TABLE_WITH_MODEL_SQL_PLAN;
    return this.options.keepCompiledSql ? TABLE_WITH_SQL_PLAN : TABLE_PLAN;
  }

  private isTypeWanted(resourceType: string | null): boolean {
    if (!resourceType) return false;
    const wanted = this.options.resourceTypes;
    return !wanted || wanted.length === 0 || wanted.includes(resourceType);
  }

  private readTable(
    uniqueId: string,
    raw: unknown,
    section: 'nodes' | 'sources',
    resourceType: IndexedNode['resourceType'],
    at: FieldPath,
  ): IndexedNode {
    // Exposures come after the nodes in a manifest: they are joined in finish().
    const node = readNode(uniqueId, raw, section, resourceType, at, {
      catalog: this.catalog!,
      exposuresByNode: NO_EXPOSURES,
    });
    if (!this.options.keepCompiledSql) node.compiledSql = null;
    if (!this.options.keepModelSql) node.modelSql = null;
    this.strings.internNode(node);
    return node;
  }

  /** The index, once the whole manifest has been scanned and the catalog set. */
  finish(): ArtifactIndex {
    const versionCheck =
      this.versionCheck ?? checkManifestVersion({ metadata: this.metadata });
    if (!this.nodesSeen) requireRecord({}, 'nodes', MANIFEST);

    // Their depends_on only: the rest was never parsed.
    const exposureEntries = { exposures: Object.fromEntries(this.exposures) };
    const exposuresByNode = readExposures(exposureEntries, MANIFEST);
    const nodes = [...this.tables.values(), ...this.sources.values()];
    for (const node of nodes) {
      node.exposures = exposuresByNode.get(node.uniqueId) ?? [];
    }
    const metadata: JsonRecord = readRecord(
      { metadata: this.metadata },
      'metadata',
      MANIFEST,
    );
    const selectors = readSelectors({ selectors: this.selectors });
    return {
      manifestVersion: versionCheck.version,
      generatedAt: readString(metadata, 'generated_at') ?? '',
      projectName: readString(metadata, 'project_name') ?? '',
      adapterType: readString(metadata, 'adapter_type'),
      nodes,
      tests: [...this.tests.values()].filter(
        (test): test is IndexedTest => test !== null,
      ),
      semanticModels: this.semanticModelsSeen
        ? [...this.semanticModels.values()]
        : undefined,
      ...(selectors ? { selectors } : {}),
      exposureEntities: readExposureEntities(exposureEntries, MANIFEST),
      warnings: [...versionCheck.warnings, ...this.catalogWarnings],
    };
  }
}
