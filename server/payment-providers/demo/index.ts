export * from './demo-provider.ts';
export * from './signature.ts';
export * from './test-cards.ts';
export type { DemoCheckout, DemoCheckoutStatus, DemoEventPayload } from './checkouts.ts';
export { demoPaymentPageRoutes, type DemoPaymentPageDeps } from './routes.ts';
