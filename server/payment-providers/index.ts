export * from './provider.ts';
export * from './demo/index.ts';
