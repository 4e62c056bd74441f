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
});
