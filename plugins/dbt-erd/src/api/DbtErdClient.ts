import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { decodeTabErd } from 'backstage-plugin-dbt-erd-common';
import {
  DbtErdApi,
  EntityErd,
  EntityErdDiff,
  EntityErdTable,
  ErdDiffBase,
  ErdExportFormat,
  ErdQuery,
} from './DbtErdApi';

/** `attachment; filename="shop-erd.dbml"` → `shop-erd.dbml`. */
export function fileNameFromDisposition(
  header: string | null,
): string | undefined {
  const match = header && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** Saves a fetched download under the server's file name (or `fallback`). */
async function saveResponse(
  response: Response,
  fallback: string,
): Promise<void> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  const fileName =
    fileNameFromDisposition(response.headers.get('content-disposition')) ??
    fallback;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** DbtErdApi over HTTP, with the signed-in user's credentials. */
export class DbtErdClient implements DbtErdApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityErd(
    entity: CompoundEntityRef,
    query: ErdQuery = {},
  ): Promise<EntityErd> {
    const response = await this.fetchApi.fetch(
      await this.erdUrl(entity, query),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return decodeTabErd(await response.json());
  }

  async getTableDetails(
    entity: CompoundEntityRef,
    tableId: string,
    query: ErdQuery = {},
  ): Promise<EntityErdTable> {
    const url = await this.erdUrl(
      entity,
      query,
      {},
      `/erd/tables/${encodeURIComponent(tableId)}`,
    );
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  async getExportUrl(
    entity: CompoundEntityRef,
    format: ErdExportFormat,
    query: ErdQuery = {},
  ): Promise<string> {
    return this.erdUrl(entity, query, { format });
  }

  async downloadExport(
    entity: CompoundEntityRef,
    format: ErdExportFormat,
    query: ErdQuery = {},
  ): Promise<void> {
    // A plain link would not carry the Backstage token, hence fetch + blob.
    const response = await this.fetchApi.fetch(
      await this.getExportUrl(entity, format, query),
    );
    await saveResponse(response, `${entity.name}-erd.${format}`);
  }

  async getErdDiff(
    entity: CompoundEntityRef,
    base: ErdDiffBase,
    query: ErdQuery = {},
  ): Promise<EntityErdDiff> {
    const url = await this.erdUrl(entity, query, { base }, '/erd/diff');
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  async downloadErdDiff(
    entity: CompoundEntityRef,
    base: ErdDiffBase,
    format: 'md' | 'json',
    query: ErdQuery = {},
  ): Promise<void> {
    const url = await this.erdUrl(entity, query, { base, format }, '/erd/diff');
    await saveResponse(await this.fetchApi.fetch(url), `erd-diff.${format}`);
  }

  async refresh(
    entity: CompoundEntityRef,
    query: ErdQuery = {},
  ): Promise<EntityErd> {
    const url = `${await this.erdUrl(entity, query, {}, '/erd/refresh')}`;
    const response = await this.fetchApi.fetch(url, { method: 'POST' });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return decodeTabErd(await response.json());
  }

  private async erdUrl(
    entity: CompoundEntityRef,
    query: ErdQuery,
    extra: Record<string, string> = {},
    suffix = '/erd',
  ): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('dbt-erd');
    const path = [entity.namespace, entity.kind, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, ...extra })) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item) params.append(key, item);
      }
    }
    const search = params.toString();
    return `${baseUrl}/entities/${path}${suffix}${search ? `?${search}` : ''}`;
  }
}
