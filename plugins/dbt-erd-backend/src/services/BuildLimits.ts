import pLimit from 'p-limit';

export interface BuildLimitsConfig {
  /** Builds running at once on this replica (`dbtErd.builds.concurrency`). */
  concurrency: number;
  /** Builds running at once per dbt Cloud account (`dbtErd.builds.concurrencyPerAccount`). */
  concurrencyPerAccount: number;
}

/**
 * Bounds how many artifact versions a replica downloads and indexes at
 * once, in all and per dbt Cloud account; further builds wait in the order
 * they came (p-limit's queue). Each build holds a whole project index in
 * memory, so this is what keeps a burst of distinct ERDs from running the
 * replica out of memory, and one account's burst from spending its rate
 * limit or holding every slot. Identical requests never get here twice:
 * ErdService's single flight joins them first.
 */
export class BuildLimits {
  private readonly replica: pLimit.Limit;
  private readonly perAccount = new Map<string, pLimit.Limit>();

  constructor(private readonly config: BuildLimitsConfig) {
    this.replica = pLimit(config.concurrency);
  }

  run<T>(accountKey: string | undefined, build: () => Promise<T>): Promise<T> {
    // The account's turn first, then a replica slot: a build waiting for its
    // account never holds a slot another account's build could use.
    const onReplica = () => this.replica(build);
    if (accountKey === undefined) return onReplica();
    // One queue per configured account: a small, fixed set.
    let account = this.perAccount.get(accountKey);
    if (!account) {
      account = pLimit(this.config.concurrencyPerAccount);
      this.perAccount.set(accountKey, account);
    }
    return account(onReplica);
  }
}
