import { isAbsolute, resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from '../../common/http/trust-proxy.ts';
import type { SessionLifetimes } from '../../common/security/session-lifetimes.ts';

/**
 * The process configuration, read once from the environment and validated at boot.
 * Every problem is collected, so one start names every missing or malformed setting.
 */
export interface Config {
  port: number;
  publicUrl: URL;
  /** Whether `PUBLIC_URL` was set (false: the default from PORT was taken). */
  publicUrlSet: boolean;
  brokerDemoPort: number | null;
  brokerDemoUrl: URL | null;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Changes one API session may make per minute (`API_WRITE_LIMIT_PER_MINUTE`). */
  apiWriteLimitPerMinute: number;
  /** How long a customer stays logged in, API and IdP alike (`SESSION_IDLE_MINUTES`, `SESSION_ABSOLUTE_HOURS`). */
  sessionLifetimes: SessionLifetimes;
  /** The proxies whose X-Forwarded-* headers count (`TRUST_PROXY`); null: none. */
  trustProxy: TrustProxy | null;
  /** Secrets every process must share (required in production; generated into DATA_DIR/keys in development when null). */
  secrets: Secrets;
}

export interface Secrets {
  /** `OIDC_JWKS`: the IdP's private signing keys, a JWKS as JSON. */
  oidcJwks: string | null;
  /** `OIDC_COOKIE_KEYS`: the IdP's cookie keys, comma-separated. */
  oidcCookieKeys: string | null;
  /** `SESSION_KEYS`: keys that encrypt the API sessions' tokens, comma-separated, 32+ characters each. */
  sessionKeys: string | null;
  /** `PAYMENT_WEBHOOK_SECRET`: the payment provider's webhook signing secret, 32+ characters. */
  paymentWebhookSecret: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const port = parsePort('PORT', read('PORT') ?? '3000', problems);
  const production = parseEnum('NODE_ENV', read('NODE_ENV') ?? 'development', ['development', 'production', 'test'], problems) === 'production';
  const publicUrl = parseUrl('PUBLIC_URL', read('PUBLIC_URL') ?? `http://localhost:${port ?? 3000}`, problems);
  if (publicUrl && (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash)) {
    problems.push(`PUBLIC_URL must be an origin without a path, query or fragment (got "${read('PUBLIC_URL')}")`);
  }
  if (publicUrl && production && publicUrl.protocol !== 'https:') {
    problems.push('PUBLIC_URL must use https in production (NODE_ENV=production)');
  }

  // The broker demo site is a development aid; "off" disables it.
  const brokerRaw = read('BROKER_DEMO_PORT') ?? (production ? 'off' : '3001');
  const brokerDemoPort = brokerRaw === 'off' ? null : parsePort('BROKER_DEMO_PORT', brokerRaw, problems);
  if (brokerDemoPort !== null && brokerDemoPort === port) problems.push('BROKER_DEMO_PORT must differ from PORT');
  const brokerDemoUrl = brokerDemoPort === null ? null : parseUrl('BROKER_DEMO_URL', read('BROKER_DEMO_URL') ?? `http://127.0.0.1:${brokerDemoPort}`, problems);
  if (brokerDemoUrl && publicUrl && brokerDemoUrl.hostname === publicUrl.hostname) {
    problems.push('BROKER_DEMO_URL must be a different site from PUBLIC_URL (use another host name, e.g. 127.0.0.1 vs localhost)');
  }

  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl) {
    const url = parseUrl('DATABASE_URL', databaseUrl, problems);
    if (url && !['postgres:', 'postgresql:'].includes(url.protocol)) {
      problems.push(`DATABASE_URL must be a postgres:// URL (got protocol "${url.protocol}")`);
    }
  }

  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl) {
    const url = parseUrl('SMTP_URL', smtpUrl, problems);
    if (url && !['smtp:', 'smtps:'].includes(url.protocol)) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL`);
  } else if (production) {
    problems.push('SMTP_URL is required in production (the embedded mail sink is for development only)');
  }
  if (production && !databaseUrl) problems.push('DATABASE_URL is required in production (the embedded PGlite is for development only)');
  // Secrets every process must share; in development they are generated into DATA_DIR/keys.
  if (production) {
    for (const [name, what] of [
      ['OIDC_JWKS', "the IdP's private signing keys (a JWKS as JSON)"],
      ['OIDC_COOKIE_KEYS', "the IdP's cookie keys (comma-separated)"],
      ['SESSION_KEYS', 'the keys that encrypt API session tokens (comma-separated, 32+ characters each)'],
      ['PAYMENT_WEBHOOK_SECRET', "the payment provider's webhook signing secret (32+ characters)"],
    ] as const) {
      if (!read(name)) problems.push(`${name} is required in production: ${what}`);
    }
  }

  const dataDirRaw = read('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  let trustProxy: TrustProxy | null = null;
  const trustProxyRaw = read('TRUST_PROXY');
  if (trustProxyRaw) {
    try {
      trustProxy = parseTrustProxy(trustProxyRaw);
    } catch (error) {
      problems.push(`TRUST_PROXY ${(error as Error).message}`);
    }
  } else if (production) {
    // The product serves plain HTTP: in production TLS always ends at a proxy in front of it.
    problems.push('TRUST_PROXY is required in production: the number of proxies in front of the product (e.g. 1), or their addresses as CIDR ranges');
  }

  const logLevel = parseEnum('LOG_LEVEL', read('LOG_LEVEL') ?? 'info', ['debug', 'info', 'warn', 'error'], problems);
  const writeLimitRaw = read('API_WRITE_LIMIT_PER_MINUTE') ?? '60';
  const apiWriteLimitPerMinute = Number(writeLimitRaw);
  if (!/^\d+$/.test(writeLimitRaw) || apiWriteLimitPerMinute < 1)
    problems.push(`API_WRITE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "${writeLimitRaw}")`);

  const idleMinutes = parseWhole('SESSION_IDLE_MINUTES', read('SESSION_IDLE_MINUTES') ?? '30', 1, 24 * 60, problems);
  const absoluteHours = parseWhole('SESSION_ABSOLUTE_HOURS', read('SESSION_ABSOLUTE_HOURS') ?? '12', 1, 30 * 24, problems);
  if (idleMinutes !== undefined && absoluteHours !== undefined && idleMinutes > absoluteHours * 60) {
    problems.push('SESSION_IDLE_MINUTES must not be longer than SESSION_ABSOLUTE_HOURS');
  }

  const secrets: Secrets = {
    oidcJwks: read('OIDC_JWKS') ?? null,
    oidcCookieKeys: read('OIDC_COOKIE_KEYS') ?? null,
    sessionKeys: read('SESSION_KEYS') ?? null,
    paymentWebhookSecret: read('PAYMENT_WEBHOOK_SECRET') ?? null,
  };
  if (secrets.sessionKeys && secrets.sessionKeys.split(',').some((k) => k.trim().length < 32)) {
    problems.push('SESSION_KEYS: every key must be at least 32 characters of random data (e.g. `openssl rand -base64 32`)');
  }
  if (secrets.paymentWebhookSecret && secrets.paymentWebhookSecret.length < 32) {
    problems.push('PAYMENT_WEBHOOK_SECRET must be at least 32 characters of random data (e.g. `openssl rand -base64 32`)');
  }
  if (!secrets.oidcJwks !== !secrets.oidcCookieKeys) problems.push('OIDC_JWKS and OIDC_COOKIE_KEYS go together: set both or neither');

  if (problems.length) throw new ConfigError(problems);
  return {
    port: port!,
    publicUrl: publicUrl!,
    publicUrlSet: read('PUBLIC_URL') !== undefined,
    brokerDemoPort: brokerDemoPort ?? null,
    brokerDemoUrl: brokerDemoUrl ?? null,
    databaseUrl,
    dataDir,
    smtpUrl,
    production,
    logLevel: logLevel as Config['logLevel'],
    apiWriteLimitPerMinute,
    sessionLifetimes: { idleSeconds: idleMinutes! * 60, absoluteSeconds: absoluteHours! * 3600 },
    secrets,
    trustProxy,
  };
}

function parsePort(name: string, raw: string, problems: string[]): number | undefined {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
    problems.push(`${name} must be a port number between 1 and 65535 (got "${raw}")`);
    return undefined;
  }
  return value;
}

function parseWhole(name: string, raw: string, min: number, max: number, problems: string[]): number | undefined {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    return undefined;
  }
  return value;
}

function parseUrl(name: string, raw: string, problems: string[]): URL | undefined {
  try {
    const url = new URL(raw);
    return url;
  } catch {
    // Never echo a DATABASE_URL or SMTP_URL: it may hold a password.
    const shown = /_URL$/.test(name) && /@/.test(raw) ? '(value hidden: it contains credentials)' : `"${raw}"`;
    problems.push(`${name} must be an absolute URL (got ${shown})`);
    return undefined;
  }
}

function parseEnum(name: string, raw: string, allowed: string[], problems: string[]): string {
  if (!allowed.includes(raw)) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw;
}
