// Whether a build output must be made again: missing, or older than anything it is built from.
// The build's last written file is its time stamp, so a build that failed half-way counts as missing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * null when `stamp` is newer than every source, else why it is not (for the message).
 * @param {{ stamp: string, files: string[], dirs: string[], root?: string }} build
 */
export function staleReason({ stamp, files, dirs, root = '.' }) {
  const built = mtime(join(root, stamp));
  if (built === null) return 'not built yet';
  const sources = files.map((file) => join(root, file));
  for (const dir of dirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) sources.push(join(entry.parentPath, entry.name));
    }
  }
  const newer = sources.find((source) => (mtime(source) ?? 0) > built);
  return newer ? `${newer} changed since the last build` : null;
}
