import type { Config } from '../config/config.ts';
import { describeDemoLogins } from '../seed/demo-logins.ts';
import type { RunningPortal } from './start.ts';

/** The demo logins as the start banner and `portal seed` print them. */
export function formatDemoLogins(): string {
  return ['Demo logins (development data only):', ...describeDemoLogins().map((line) => `  ${line}`)].join('\n');
}

/** What `npm start` prints once it listens: where everything is and how to log in. */
export function printBanner(portal: RunningPortal, config: Config, write = (text: string) => process.stdout.write(text)): void {
  const { portal: origin, brokerDemo } = portal.urls;
  const database = portal.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    'Gránit Pont Ügyfélportál is running',
    '',
    `  Standalone portal:   ${origin}/`,
    ...(brokerDemo ? [`  Broker partner site: ${brokerDemo}/   (a different site, embedding the widgets)`] : []),
    `  OpenID provider:     ${origin}/oidc/.well-known/openid-configuration`,
    `  API:                 ${origin}/api`,
    `  Health:              ${origin}/healthz  ${origin}/readyz`,
    // Every e-mail the portal sends (registration links, document notices) lands here in development.
    ...(portal.notifications.sink && !config.production ? [`  Development mail:    ${origin}/dev/mail   (every e-mail the portal sends)`] : []),
    `  Database:            ${database}${portal.seeded ? ' (demo data seeded just now)' : ''}`,
    '',
    ...(config.production ? [] : [formatDemoLogins(), '']),
    'Press Ctrl+C to stop.',
    '',
  ];
  write(lines.join('\n'));
}
