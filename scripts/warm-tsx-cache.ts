// Loads (without running) the code `npm start` and `npx portal` load, so tsx compiles it into its
// cache at install time instead of at the first start. Run by scripts/prepare.mjs under npm ci.
await Promise.all([import('../server/app/start.ts'), import('../server/app/banner.ts'), import('../server/cli/commands/index.ts')]);
