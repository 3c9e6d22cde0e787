import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { inspect } from 'node:util';

/** Every log line the backend wrote, with its metadata, as text to scan. */
export class CapturedLogs {
  readonly lines: string[] = [];

  logger(meta: object = {}): RootLoggerService {
    const write =
      (level: string) => (message: string, extra?: Error | object) => {
        this.lines.push(
          `${level} ${message} ${inspect({ ...meta, extra }, { depth: 5 })}`,
        );
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
