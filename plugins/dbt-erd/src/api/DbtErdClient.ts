import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DbtErdApi, EntityErd, ErdQuery } from './DbtErdApi';

/** DbtErdApi over HTTP, with the signed-in user's credentials. */
export class DbtErdClient implements DbtErdApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityErd(entity: CompoundEntityRef, query: ErdQuery = {}): Promise<EntityErd> {
    const response = await this.fetchApi.fetch(await this.erdUrl(entity, query));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  private async erdUrl(entity: CompoundEntityRef, query: ErdQuery): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('dbt-erd');
    const path = [entity.namespace, entity.kind, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item) params.append(key, item);
      }
    }
    const search = params.toString();
    return `${baseUrl}/entities/${path}/erd${search ? `?${search}` : ''}`;
  }
}
