// Browser tests for widgets/: `npx web-test-runner` (or `npm run test:widgets`).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs } from './scripts/system-tools.mjs';
import { summaryFileReporter } from './scripts/wtr-summary-reporter.mjs';

export default {
  files: ['test/widgets/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    // target es2022 lowers the standard decorators (esbuild leaves them as-is for esnext).
    // The root tsconfig has no `extends` (which this plugin would not follow), so it works as-is.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryFileReporter(process.env.WTR_SUMMARY)],
  testFramework: { config: { timeout: 5000 } },
};
