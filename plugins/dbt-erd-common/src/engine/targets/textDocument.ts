/** dbterd's text builder: sections joined by newlines, plus a final newline. */
export function textDocument(sections: string[]): string {
  return `${sections.join('\n')}\n`;
}
