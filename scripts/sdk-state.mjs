// Whether dist/sdk must be built (see build-state.mjs). The last file `npm run build` writes
// (custom-elements.json, after the bundles and the declarations) is the build's time stamp.
import { staleReason } from './build-state.mjs';

export const SDK_STAMP = 'dist/sdk/custom-elements.json';

/** null when dist/sdk is up to date, else why it is not. */
export function sdkStaleReason(root = '.') {
  return staleReason({
    stamp: SDK_STAMP,
    files: [
      'package-lock.json',
      'rollup.config.mjs',
      'tsconfig.widgets.json',
      'tsconfig.declarations.json',
      'custom-elements-manifest.config.mjs',
      'scripts/bundle-size.mjs',
      'scripts/build-types.mjs',
    ],
    dirs: ['widgets'],
    root,
  });
}
