import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { inspect } from 'node:util';
import { scanForSecrets } from './secretScan';

/** Every log line the backend wrote, with its metadata, as text to scan. */
export class CapturedLogs {
  readonly lines: string[] = [];

  logger(meta: object = {}): RootLoggerService {
    const write =
      (level: string) => (message: string, extra?: Error | object) => {
        const line = `${level} ${message} ${inspect(
          { ...meta, extra },
          { depth: 5 },
        )}`;
        scanForSecrets('a log line', line);
        this.lines.push(line);
      };
    const logger: LoggerService = {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: childMeta => this.logger({ ...meta, ...childMeta }),
    };
    return logger as RootLoggerService;
  }

  /** A rootLogger service factory whose lines land here. */
  factory() {
    return createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => this.logger(),
    });
  }
}

/**
 * A CacheService that keeps every value it was given, so a test can scan
 * what the plugin stored (for secrets) as well as what it answered.
 */
export class RecordingCache {
  readonly stored: string[] = [];
  private readonly values = new Map<string, unknown>();

  factory() {
    return createServiceFactory({
      service: coreServices.cache,
      deps: {},
      factory: () => this.service(),
    });
  }

  private service(): any {
    const { stored, values } = this;
    const service = {
      async get(key: string) {
        return values.get(key);
      },
      async set(key: string, value: unknown) {
        const entry = `${key} ${JSON.stringify(value)}`;
        scanForSecrets(`the cache entry ${key}`, entry);
        stored.push(entry);
        values.set(key, value);
      },
      async delete(key: string) {
        values.delete(key);
      },
      withOptions: () => service,
    };
    return service;
  }
}
