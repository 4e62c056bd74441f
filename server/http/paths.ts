import { fileURLToPath } from 'node:url';

/** Folders the server reads from, relative to the package root (not the working directory). */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export const paths = {
  root: root(''),
  sdk: root('dist/sdk'),
  standalone: root('examples/standalone'),
  brokerSite: root('examples/broker-site'),
};
