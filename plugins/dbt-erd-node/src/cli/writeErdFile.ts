import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliInputError } from './cliErrors';

/** Writes the rendered ERD into the output folder (created when missing); returns the file path. */
export async function writeErdFile(
  outputDir: string,
  fileName: string,
  content: string,
): Promise<string> {
  const file = join(outputDir, fileName);
  try {
    await mkdir(outputDir, { recursive: true });
    await writeFile(file, content, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliInputError(
      `could not write ${file} (${code}); pass -o/--output with a folder you can write to`,
    );
  }
  return file;
}
