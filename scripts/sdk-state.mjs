// Whether dist/sdk must be built: missing, or older than anything it is built from. The last file
// `npm run build` writes (custom-elements.json, after the bundles and the declarations) is the
// build's time stamp, so a build that failed half-way counts as missing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SDK_STAMP = 'dist/sdk/custom-elements.json';

const SOURCE_FILES = [
  'package-lock.json',
  'rollup.config.mjs',
  'tsconfig.widgets.json',
  'tsconfig.declarations.json',
  'custom-elements-manifest.config.mjs',
  'scripts/bundle-size.mjs',
  'scripts/build-types.mjs',
];
const SOURCE_DIRS = ['widgets'];

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/** null when dist/sdk is up to date, else why it is not (for the message). */
export function sdkStaleReason(root = '.') {
  const built = mtime(join(root, SDK_STAMP));
  if (built === null) return 'not built yet';
  const sources = SOURCE_FILES.map((file) => join(root, file));
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) sources.push(join(entry.parentPath, entry.name));
    }
  }
  const newer = sources.find((source) => (mtime(source) ?? 0) > built);
  return newer ? `${newer} changed since the last build` : null;
}
