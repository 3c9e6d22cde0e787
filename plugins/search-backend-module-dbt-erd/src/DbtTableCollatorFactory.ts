import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { DBT_SOURCE_ANNOTATIONS, Erd } from 'backstage-plugin-dbt-erd-common';
import { Readable } from 'stream';
import { DBT_TABLE_DOCUMENT_TYPE, DbtTableDocument } from './DbtTableDocument';
import { tableDocuments } from './tableDocuments';

export interface DbtTableCollatorOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  logger: LoggerService;
  /** Entity refs to index; by default every entity with a dbt-erd annotation. */
  entities?: string[];
  locationTemplate?: string;
}

/**
 * Indexes the tables of the dbt projects the dbt-erd plugin serves. ERDs
 * come from the dbt-erd backend's own HTTP API (with this plugin's service
 * credentials), so indexing reuses its cache, its single download per run
 * and its source configuration instead of building ERDs a second time.
 */
export class DbtTableCollatorFactory implements DocumentCollatorFactory {
  readonly type = DBT_TABLE_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly options: DbtTableCollatorOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<DbtTableDocument> {
    const { auth, discovery, logger, locationTemplate } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities = await this.knownEntities(credentials);
    const baseUrl = await discovery.getBaseUrl('dbt-erd');
    let indexed = 0;
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      try {
        const erd = await this.fetchErd(baseUrl, entity, credentials);
        const documents = tableDocuments(entity, erd, locationTemplate);
        indexed += documents.length;
        yield* documents;
      } catch (error) {
        // One broken project must not empty the index of the others.
        logger.warn(
          `dbt-erd search: skipped ${entityRef}: ${(error as Error).message}`,
        );
      }
    }
    logger.info(
      `dbt-erd search: indexed ${indexed} table(s) of ${entities.length} entity(ies)`,
    );
  }

  private async knownEntities(
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { catalog, entities } = this.options;
    if (entities) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: entities },
        { credentials },
      );
      return items.filter((entity): entity is Entity => Boolean(entity));
    }
    const { items } = await catalog.getEntities(
      {
        filter: DBT_SOURCE_ANNOTATIONS.map(name => ({
          [`metadata.annotations.${name}`]: CATALOG_FILTER_EXISTS,
        })),
      },
      { credentials },
    );
    return items;
  }

  private async fetchErd(
    baseUrl: string,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Erd> {
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'dbt-erd',
    });
    const path = [
      entity.metadata.namespace ?? 'default',
      entity.kind,
      entity.metadata.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    // view=full: descriptions are what people search by, and the tab's
    // compact encoding leaves them out.
    const response = await fetch(`${baseUrl}/entities/${path}/erd?view=full`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(
        `the dbt-erd backend answered ${response.status} ${response.statusText}`,
      );
    }
    return (await response.json()) as Erd;
  }
}
