import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config.ts';
import { commands } from './commands/index.ts';
import { CliError } from './cli-error.ts';

/** `portal <command> [options]` — operations' tool. Each command lives in ./commands. */
const [name, ...rest] = process.argv.slice(2);

function usage(): string {
  const lines = Object.entries(commands).map(([key, command]) => `  ${key.padEnd(22)} ${command.summary}`);
  return `Usage: portal <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "portal <command> --help" for a command's options.\n`;
}

if (!name || name === 'help' || name === '--help' || name === '-h') {
  process.stdout.write(usage());
  process.exit(name ? 0 : 1);
}

const command = commands[name];
if (!command) {
  process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
  process.exit(1);
}

try {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${command.usage}\n`);
    process.exit(0);
  }
  await command.run(values as Record<string, string | boolean | undefined>, positionals);
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${error.message}\n\n${command.usage}\n`);
    process.exit(2);
  }
  throw error;
}
