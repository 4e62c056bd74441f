// Entry of a render worker thread (see ./render-pool.ts). Worker threads do not inherit the
// parent's tsx loader hooks, so register tsx here (as bin/portal.js does), then load the
// TypeScript side. Plain JavaScript on purpose: this file must load before tsx is registered.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker-main.ts');
