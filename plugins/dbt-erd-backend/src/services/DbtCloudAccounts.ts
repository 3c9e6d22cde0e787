import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { DBT_CLOUD_ACCOUNT_ANNOTATION } from 'backstage-plugin-dbt-erd-common';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import {
  DbtCloudAccountConfig,
  DbtErdConfig,
} from '../config/readDbtErdConfig';
import { cacheCoolDownStore } from './cacheCoolDownStore';

/** The configured dbt Cloud accounts, one long-lived client each. */
export class DbtCloudAccounts {
  private readonly clients = new Map<string, DbtCloudClient>();

  constructor(
    private readonly accounts: DbtCloudAccountConfig[],
    private readonly logger: LoggerService,
    private readonly clientOptions: DbtErdConfig['client'] = {},
    /** Shares each account's 429 cool-down between replicas; memory when absent. */
    private readonly cache?: CacheService,
  ) {}

  /**
   * The client for the annotation's account name, or for the only account
   * when the annotation is absent.
   */
  clientFor(accountName: string | undefined): DbtCloudClient {
    const names = this.accounts.map(a => a.name);
    let account: DbtCloudAccountConfig | undefined;
    if (accountName) {
      account = this.accounts.find(a => a.name === accountName);
      if (!account) {
        throw new InputError(
          `${DBT_CLOUD_ACCOUNT_ANNOTATION} names dbt Cloud account "${accountName.slice(
            0,
            80,
          )}", which is not configured; ${
            names.length
              ? `configured: ${names.join(', ')}`
              : 'add it under dbtErd.cloud.accounts in app-config'
          }`,
        );
      }
    } else if (this.accounts.length === 1) {
      account = this.accounts[0];
    } else {
      throw new InputError(
        this.accounts.length === 0
          ? 'No dbt Cloud account is configured: add one under dbtErd.cloud.accounts in app-config'
          : `Several dbt Cloud accounts are configured (${names.join(
              ', ',
            )}): set the ${DBT_CLOUD_ACCOUNT_ANNOTATION} annotation to one of them`,
      );
    }
    let client = this.clients.get(account.name);
    if (!client) {
      client = new DbtCloudClient({
        accountName: account.name,
        accountId: account.accountId,
        accessUrl: account.accessUrl,
        token: account.token,
        discoveryUrl: account.discoveryUrl,
        logger: this.logger.child({ dbtCloudAccount: account.name }),
        coolDownStore: this.cache && cacheCoolDownStore(this.cache),
        ...this.clientOptions,
      });
      this.clients.set(account.name, client);
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map(c => c.close()));
    this.clients.clear();
  }
}
