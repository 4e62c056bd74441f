import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../../server/seed/index.ts';

// The README's demo logins are what a new user types: they must match the seeded data.
describe('README', () => {
  it('lists every demo login exactly as the seed creates it', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.split('<!-- demo-logins:start -->')[1]?.split('<!-- demo-logins:end -->')[0] ?? '';
    for (const login of Object.values(DEMO_LOGINS)) {
      expect(section).toContain(login.name);
      expect(section).toContain(`\`${login.customerNumber}\``);
      if ('username' in login) {
        expect(section).toContain(`\`${login.username}\` / \`${login.password}\``);
        continue;
      }
      // What registration asks for.
      if ('birthDate' in login) expect(section).toContain(`birth date \`${login.birthDate}\``);
      if ('taxNumber' in login) expect(section).toContain(`tax number \`${login.taxNumber}\``);
      expect(section).toContain(`postcode \`${login.postcode}\``);
    }
  });

  it('shows the two commands', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });

  it('shows a partner the whole integration in under 20 lines of HTML, with real elements and attributes', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = readme.split('<!-- embedding:start -->')[1]?.split('<!-- embedding:end -->')[0] ?? '';
    const html = block.split('\n').filter((line) => line.trim() && !line.startsWith('```'));
    expect(html.length).toBeGreaterThan(5);
    expect(html.length).toBeLessThan(20);
    expect(block).toContain('/sdk/gp-widgets.js');
    for (const tag of ['gp-portal', 'gp-policy-list', 'gp-invoice-pay', 'gp-claim-form', 'gp-mailbox', 'gp-profile']) expect(block).toContain(`<${tag}`);
    expect(block).toContain('client-id=');
    const guide = await readFile(new URL('../../../docs/embedding.md', import.meta.url), 'utf8');
    for (const event of ['gp-login', 'gp-logout', 'gp-policy-changed', 'gp-payment-completed', 'gp-claim-submitted', 'gp-document-opened', 'gp-error'])
      expect(guide).toContain(`\`${event}\``);
  });
});
