// Preloaded into the product's own process (`node --import`): every `*.test` name resolves to
// loopback, as the browsers are told too, so the product reaches its own issuer through the
// TLS front (https://portal.insurer.test:PORT/oidc) exactly as a deployment does via DNS.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const original = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (typeof hostname !== 'string' || !/\.test\.?$/i.test(hostname)) return original.call(dns, hostname, options, callback);
  const all = typeof options === 'object' && options?.all;
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
  return {};
};
syncBuiltinESMExports();
