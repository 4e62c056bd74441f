// Entry of the IdP thread (see ./idp-thread.ts). Worker threads do not inherit the parent's tsx
// loader hooks, so register tsx here (as the render worker does), then load the TypeScript side.
// Plain JavaScript on purpose: this file must load before tsx is registered.
import { register } from 'tsx/esm/api';

register();
await import('./idp-thread-main.ts');
