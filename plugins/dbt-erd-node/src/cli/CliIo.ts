/** Anything text can be written to: process.stdout, or a buffer in tests. */
export interface CliWritable {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches outside its arguments, passed in rather than
 * read from `process` so that tests run it in-process with their own values.
 */
export interface CliIo {
  stdout: CliWritable;
  stderr: CliWritable;
  env: Record<string, string | undefined>;
  /** The folder relative paths are resolved against (the user's, not yarn's). */
  cwd: string;
}
