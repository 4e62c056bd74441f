import { userInfo } from 'node:os';

/** Who runs a command, for the audit events it writes: `cli:<login name>` (or `cli`). */
export function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
