export { seedDemoData, isDatabaseSeeded, SeedRefusedError, type SeedOptions, type SeedSummary, type SeededTable } from './seed.ts';
export { generateSeedData, DEFAULT_SEED, type SeedPlanOptions } from './plan.ts';
export { DEMO_LOGINS, DEMO_PASSWORD, describeDemoLogins, type DemoLogins } from './demo-logins.ts';
export type * from './model.ts';
