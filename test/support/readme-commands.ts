import { readFileSync } from 'node:fs';

/**
 * The shell commands a reader of README.md is shown: every line of its ```sh code blocks, the
 * trailing `# comment` removed, `a && b` taken as two commands. A new example in the README is
 * thereby a new command for test/server/app/readme-commands.test.ts to run.
 */
export interface ReadmeCommand {
  /** The command as written (one side of `&&`). */
  readonly text: string;
  /** The README line it comes from (1-based), for the failure message. */
  readonly line: number;
}

export function readmeCommands(readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  const lines = readme.split('\n');
  let inShell = false;
  lines.forEach((raw, index) => {
    const fence = /^```(\w*)/.exec(raw);
    if (fence) {
      inShell = !inShell && ['sh', 'bash', 'shell', 'console'].includes(fence[1]!);
      return;
    }
    if (!inShell) return;
    const text = withoutComment(raw).trim();
    if (!text) return;
    for (const part of text.split(/\s+&&\s+/)) commands.push({ text: part.trim(), line: index + 1 });
  });
  return commands;
}

/** The line up to a `#` that starts a comment (after whitespace, outside quotes). */
function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

/** Splits a command line into words as a POSIX shell would for these simple lines (quotes, no expansions). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let inWord = false;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unbalanced quote in: ${text}`);
  if (inWord) words.push(current);
  return words;
}
