// The SDK's type information, after rollup has built the bundles (`npm run build` runs both):
//   dist/sdk/types/**.d.ts          TypeScript declarations of every element, event and type
//   dist/sdk/custom-elements.json   the custom elements manifest (custom-elements-manifest.config.mjs)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist/sdk/types', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.declarations.json']);
// tsc does not copy hand-written (here: generated) .d.ts files into outDir.
mkdirSync('dist/sdk/types/api', { recursive: true });
copyFileSync('widgets/api/openapi.d.ts', 'dist/sdk/types/api/openapi.d.ts');
run('npx', ['cem', 'analyze', '--quiet']);
