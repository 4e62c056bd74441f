export { GpLangChangedEvent } from './lang-changed.ts';
export { GpLoginRequestedEvent } from './login-requested.ts';
