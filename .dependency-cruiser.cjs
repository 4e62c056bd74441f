/**
 * The architecture's import rules, checked by `npm run lint` (part of `npm test`).
 * See docs/architecture.md for the map these rules keep true.
 */
module.exports = {
  forbidden: [
    {
      name: 'widgets-are-browser-only',
      comment: 'widgets/ runs in partner pages: it imports nothing of the back end (the API types are generated into widgets/api/).',
      severity: 'error',
      from: { path: '^widgets/' },
      to: { path: '^(server|idp|common|examples)/' },
    },
    {
      name: 'idp-stands-alone',
      comment: 'The IdP imports nothing of server/: what it needs is handed in through idp/ports.ts.',
      severity: 'error',
      from: { path: '^idp/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-meets-idp-only-in-the-wiring',
      comment: 'Only the app wiring (server/app/) knows the IdP; the API, domain and CLI do not.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/app/' },
      to: { path: '^idp/' },
    },
    {
      name: 'common-is-the-ground-floor',
      comment: 'common/ is what server/ and idp/ both stand on: it imports neither (nor the widgets).',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|idp|widgets)/' },
    },
    {
      name: 'the-back-end-takes-only-the-grammar-from-widgets',
      comment:
        'server/ and idp/ run no browser code. The one widgets/ module they may import is the Hungarian grammar, so that e-mails, PDFs and widgets choose "a" or "az" with one function (common/ cannot hold it: widgets/ imports nothing of common/, and the SDK declarations are built from widgets/ alone).',
      severity: 'error',
      from: { path: '^(server|idp)/' },
      to: { path: '^widgets/', pathNot: '^widgets/i18n/hu-grammar\\.ts$' },
    },
    {
      name: 'the-shared-grammar-stands-alone',
      comment: 'widgets/i18n/hu-grammar.ts runs in the browser and in Node alike: it imports nothing.',
      severity: 'error',
      from: { path: '^widgets/i18n/hu-grammar\\.ts$' },
      to: { path: '.' },
    },
    {
      name: 'domain-knows-no-http',
      comment: 'Domain services, the kernel, documents, the database layer and the seed never import Hono.',
      severity: 'error',
      from: { path: '^server/(domain|kernel|documents|db|seed)/' },
      to: { path: 'node_modules/(hono|@hono)/' },
    },
    {
      name: 'domain-knows-no-api',
      comment: 'The API calls the domain, never the other way round.',
      severity: 'error',
      from: { path: '^server/(domain|kernel|documents|db|notifications|seed)/' },
      to: { path: '^server/(api|app|cli)/' },
    },
    {
      name: 'no-cycles-between-folders',
      comment: 'Folders import each other one way only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(server|idp|common|widgets)/' },
      to: { circular: true },
    },
    {
      name: 'no-cycles-between-modules',
      severity: 'error',
      from: { path: '^(server|idp|common|widgets)/' },
      to: { circular: true },
    },
    {
      name: 'tests-are-not-imported',
      severity: 'error',
      from: { path: '^(server|idp|common|widgets|examples)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
