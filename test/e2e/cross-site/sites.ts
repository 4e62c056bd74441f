/**
 * The two sites of the cross-site tests: the insurer's product and a broker partner's page,
 * different registrable domains (`.test` is reserved for testing, RFC 2606), both served over
 * https by the TLS front on one loopback port.
 */
export const PORTAL_HOST = 'portal.insurer.test';
export const BROKER_HOST = 'www.broker.test';
export const TEST_HOSTS = [PORTAL_HOST, BROKER_HOST] as const;

/** Whether a host name is one of ours (every `*.test` name resolves to loopback in these tests). */
export const isTestHost = (host: string): boolean => /\.test\.?$/i.test(host);
