import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise } from 'dependency-cruiser';

/**
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint`, part of `npm test`) refuse
 * what they should: a small tree with one forbidden import per rule, cruised with the project's
 * own rule set. The real tree passing them is `npm run lint`'s job.
 */
const require = createRequire(import.meta.url);
const rules = require('../../.dependency-cruiser.cjs') as { forbidden: unknown[] };

const FILES: Record<string, string> = {
  'common/http/logger.ts': "import { x } from '../../server/api/thing.ts';\nexport const log = x;\n",
  'server/api/thing.ts': "import { provider } from '../../idp/provider.ts';\nexport const x = provider;\n",
  'server/app/wiring.ts': "import { provider } from '../../idp/provider.ts';\nexport const wired = provider;\n",
  'idp/provider.ts': "import { y } from '../server/domain/claims/report.ts';\nexport const provider = y;\n",
  'server/domain/claims/report.ts': "import { api } from '../../api/other.ts';\nexport const y = api;\n",
  'server/api/other.ts': 'export const api = 1;\n',
  'widgets/components/a/a.ts': "import { log } from '../../../common/http/logger.ts';\nimport { b } from '../b/b.ts';\nexport const a = [log, b];\n",
  'widgets/components/b/b.ts': "import { a } from '../a/a.ts';\nexport const b = a;\n",
  'widgets/i18n/hu-grammar.ts': "import { b } from '../components/b/b.ts';\nexport const article = () => b;\n",
  'server/documents/pdf/letter.ts': "import { article } from '../../../widgets/i18n/hu-grammar.ts';\nexport const letter = article;\n",
  'idp/pages/page.ts': "import { a } from '../../widgets/components/a/a.ts';\nexport const page = a;\n",
};

let root: string;
let violations: { rule: string; from: string; to: string }[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gp-import-rules-'));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(join(root, dirname(path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(['common', 'server', 'idp', 'widgets'], {
      ruleSet: { forbidden: rules.forbidden } as never,
      validate: true,
      tsPreCompilationDeps: false,
    });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    process.chdir(previous);
  }
}, 60_000);

afterAll(() => rm(root, { recursive: true, force: true }));

const broken = (rule: string) => violations.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);

describe('the import rules', () => {
  it('keep the widgets off the back end', () => {
    expect(broken('widgets-are-browser-only')).toEqual(['widgets/components/a/a.ts → common/http/logger.ts']);
  });

  it('let the back end take only the Hungarian grammar from the widgets, and the grammar take nothing', () => {
    expect(broken('the-back-end-takes-only-the-grammar-from-widgets')).toEqual(['idp/pages/page.ts → widgets/components/a/a.ts']);
    expect(broken('the-shared-grammar-stands-alone')).toEqual(['widgets/i18n/hu-grammar.ts → widgets/components/b/b.ts']);
  });

  it('keep the IdP off the server, and the server off the IdP except in its wiring', () => {
    expect(broken('idp-stands-alone')).toEqual(['idp/provider.ts → server/domain/claims/report.ts']);
    expect(broken('server-meets-idp-only-in-the-wiring')).toEqual(['server/api/thing.ts → idp/provider.ts']);
  });

  it('keep common/ the ground floor, and the domain below the API', () => {
    expect(broken('common-is-the-ground-floor')).toEqual(['common/http/logger.ts → server/api/thing.ts']);
    expect(broken('domain-knows-no-api')).toEqual(['server/domain/claims/report.ts → server/api/other.ts']);
  });

  it('refuse cycles between modules and between folders', () => {
    expect(broken('no-cycles-between-modules').length).toBeGreaterThan(0);
    expect(broken('no-cycles-between-folders').join('\n')).toContain('widgets/components/a');
  });
});
