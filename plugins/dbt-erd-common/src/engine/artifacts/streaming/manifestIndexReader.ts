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
import { readExposures } from '../readExposures';
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
import {
  EXPOSURE_PLAN,
  SEMANTIC_MODEL_PLAN,
  TABLE_PLAN,
  TABLE_WITH_SQL_PLAN,
  TEST_PLAN,
} from './entryPlans';
import { StringPool } from './stringPool';

const MANIFEST: FieldPath = { file: 'manifest.json', path: '' };
const NO_EXPOSURES = new Map<string, string[]>();

/** How much of a manifest to index. */
export interface ManifestReadOptions {
  /**
   * Keep each node's compiled SQL, which only the `json` target prints. Off
   * by default: on large projects the SQL is most of what the index would
   * hold. When off, `compiledSql` is null on every node.
   */
  keepCompiledSql?: boolean;
  /**
   * Which tests to index, by unique_id; by default every generic test.
   * `buildErdFromBytes` passes the algorithm's own filter, so the tests it
   * would ignore are never parsed.
   */
  isTestWanted?: (uniqueId: string) => boolean;
  /**
   * The table resource types to index (`model`, `seed`, `snapshot`,
   * `source`); by default all. `buildErdFromBytes` passes the selection's
   * when the algorithm never looks at other nodes.
   */
  resourceTypes?: readonly string[];
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
  private versionCheck: ManifestVersionCheck | null = null;
  private nodesSeen = false;
  private nodesValue: unknown = undefined;
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
    this.nodesValue = {};
    this.tables.clear();
    this.tests.clear();
    const nodesAt = childPath(MANIFEST, 'nodes');
    const tablePlan = this.options.keepCompiledSql
      ? TABLE_WITH_SQL_PLAN
      : TABLE_PLAN;
    const isTestWanted = this.options.isTestWanted ?? (() => true);
    const isTableWanted = (uniqueId: string) => {
      const resourceType = tableResourceType(uniqueId);
      return resourceType && resourceType !== 'source'
        ? this.isTypeWanted(resourceType)
        : false;
    };
    const readEntry = (uniqueId: string, raw: unknown) => {
      const at = childPath(nodesAt, uniqueId);
      const resourceType = tableResourceType(uniqueId);
      if (resourceType && resourceType !== 'source') {
        if (!this.isTypeWanted(resourceType)) return;
        this.tables.set(
          uniqueId,
          this.readTable(uniqueId, raw, 'nodes', resourceType, at),
        );
      } else if (uniqueId.startsWith('test') && isTestWanted(uniqueId)) {
        const test = readTest(uniqueId, raw, at);
        if (test) this.strings.internTest(test);
        this.tests.set(uniqueId, test);
      }
    };
    return {
      kind: 'entries',
      section: {
        planFor: uniqueId => {
          if (isTableWanted(uniqueId)) return tablePlan;
          if (tableResourceType(uniqueId)) return null;
          if (uniqueId.startsWith('test') && isTestWanted(uniqueId))
            return TEST_PLAN;
          return null;
        },
        onEntry: readEntry,
      },
      onValue: value => {
        this.nodesValue = value;
        const nodes = requireRecord({ nodes: value }, 'nodes', MANIFEST);
        for (const [uniqueId, raw] of Object.entries(nodes))
          readEntry(uniqueId, raw);
      },
    };
  }

  private sourcesSection(): MemberHandling {
    this.sources.clear();
    const sourcesAt = childPath(MANIFEST, 'sources');
    const tablePlan = this.options.keepCompiledSql
      ? TABLE_WITH_SQL_PLAN
      : TABLE_PLAN;
    const sourcesWanted = this.isTypeWanted('source');
    const readEntry = (uniqueId: string, raw: unknown) => {
      if (!sourcesWanted || !uniqueId.startsWith('source')) return;
      const at = childPath(sourcesAt, uniqueId);
      this.sources.set(
        uniqueId,
        this.readTable(uniqueId, raw, 'sources', 'source', at),
      );
    };
    return {
      kind: 'entries',
      section: {
        planFor: uniqueId =>
          sourcesWanted && uniqueId.startsWith('source') ? tablePlan : null,
        onEntry: readEntry,
      },
      onValue: value => {
        const sources = readRecord({ sources: value }, 'sources', MANIFEST);
        for (const [uniqueId, raw] of Object.entries(sources))
          readEntry(uniqueId, raw);
      },
    };
  }

  private exposuresSection(): MemberHandling {
    this.exposures.clear();
    const readEntry = (uniqueId: string, raw: unknown) =>
      this.exposures.set(uniqueId, raw);
    return {
      kind: 'entries',
      section: { planFor: () => EXPOSURE_PLAN, onEntry: readEntry },
      onValue: value => {
        const exposures = readRecord(
          { exposures: value },
          'exposures',
          MANIFEST,
        );
        for (const [uniqueId, raw] of Object.entries(exposures))
          readEntry(uniqueId, raw);
      },
    };
  }

  private semanticModelsSection(): MemberHandling {
    this.semanticModelsSeen = true;
    this.semanticModels.clear();
    const semanticAt = childPath(MANIFEST, 'semantic_models');
    const readEntry = (uniqueId: string, raw: unknown) => {
      this.semanticModels.set(
        uniqueId,
        readSemanticModel(uniqueId, raw, childPath(semanticAt, uniqueId)),
      );
    };
    return {
      kind: 'entries',
      section: { planFor: () => SEMANTIC_MODEL_PLAN, onEntry: readEntry },
      onValue: value => {
        const models = readRecord(
          { semantic_models: value },
          'semantic_models',
          MANIFEST,
        );
        for (const [uniqueId, raw] of Object.entries(models))
          readEntry(uniqueId, raw);
      },
    };
  }

  private isTypeWanted(resourceType: string): boolean {
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
    this.strings.internNode(node);
    return node;
  }

  /** The index, once the whole manifest has been scanned and the catalog set. */
  finish(): ArtifactIndex {
    const versionCheck =
      this.versionCheck ?? checkManifestVersion({ metadata: this.metadata });
    if (!this.nodesSeen) requireRecord({}, 'nodes', MANIFEST);
    else requireRecord({ nodes: this.nodesValue }, 'nodes', MANIFEST);

    // Their depends_on only: the rest was never parsed.
    const exposuresByNode = readExposures(
      { exposures: Object.fromEntries(this.exposures) },
      MANIFEST,
    );
    const nodes = [...this.tables.values(), ...this.sources.values()];
    for (const node of nodes) {
      node.exposures = exposuresByNode.get(node.uniqueId) ?? [];
    }
    const metadata: JsonRecord = readRecord(
      { metadata: this.metadata },
      'metadata',
      MANIFEST,
    );
    return {
      manifestVersion: versionCheck.version,
      generatedAt: readString(metadata, 'generated_at') ?? '',
      projectName: readString(metadata, 'project_name') ?? '',
      nodes,
      tests: [...this.tests.values()].filter(
        (test): test is IndexedTest => test !== null,
      ),
      semanticModels: this.semanticModelsSeen
        ? [...this.semanticModels.values()]
        : undefined,
      warnings: [...versionCheck.warnings, ...this.catalogWarnings],
    };
  }
}
