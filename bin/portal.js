#!/usr/bin/env node
// The operations command line (`npx portal …`). The server is TypeScript run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
