import { CliWritable } from './CliIo';
import { redactSecrets } from './redactSecrets';

/** dbterd-style progress lines on stderr, so stdout stays free for pipes. */
export interface CliLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Every line goes through redaction: messages may quote upstream text. */
export function createCliLog(
  stderr: CliWritable,
  secrets: readonly string[],
): CliLog {
  const line = (text: string) =>
    stderr.write(`${oneLine(redactSecrets(text, secrets))}\n`);
  return {
    info: message => line(message),
    warn: message => line(`dbt-erd: warning: ${message}`),
  };
}

/** Collapses line breaks so that each message is exactly one line. */
export function oneLine(text: string): string {
  // Whitespace runs that hold a line break become one space. Not
  // `/\s*[\r\n]+\s*/g`, which backtracks quadratically on long runs of
  // spaces without a line break (seconds for 30 000 of them).
  return text.replace(/\s+/g, run => (/[\r\n]/.test(run) ? ' ' : run)).trim();
}
