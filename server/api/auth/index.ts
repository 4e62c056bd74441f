export { authenticate, type AuthenticateOptions } from './authenticate.ts';
export { BearerVerifier, API_SCOPE } from './bearer.ts';
export { principalOf, type ApiEnv, type Principal } from './principal.ts';
export { problems } from './problems.ts';
export { REQUEST_HEADER, requestOrigin } from './request-origin.ts';
export { customerRoutes, requireCustomer } from './require-customer.ts';
