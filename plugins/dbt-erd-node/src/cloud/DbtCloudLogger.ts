/**
 * The few logging calls the client makes. Backstage's LoggerService and
 * `console` both fit, so the same client runs in the backend and in the CLI.
 * Lines name URLs and accounts, never the token.
 */
export interface DbtCloudLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: DbtCloudLogger = {
  debug() {},
  info() {},
  warn() {},
};
