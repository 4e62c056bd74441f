import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config/config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/portal');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.port).toBe(3000);
    expect(config.publicUrl.origin).toBe('http://localhost:3000');
    expect(config.brokerDemoUrl?.origin).toBe('http://127.0.0.1:3001');
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe('/srv/portal/.data');
    expect(config.production).toBe(false);
  });

  it('keeps sessions 30 minutes idle and 12 hours at most by default; both are settings', () => {
    expect(loadConfig({}, '/srv/portal').sessionLifetimes).toEqual({ idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '15', SESSION_ABSOLUTE_HOURS: '8' }).sessionLifetimes).toEqual({
      idleSeconds: 15 * 60,
      absoluteSeconds: 8 * 3600,
    });
    const problems = problemsOf({ SESSION_IDLE_MINUTES: '0', SESSION_ABSOLUTE_HOURS: 'soon' }).join('\n');
    expect(problems).toMatch(/SESSION_IDLE_MINUTES must be a whole number between 1 and 1440 \(got "0"\)/);
    expect(problems).toMatch(/SESSION_ABSOLUTE_HOURS must be a whole number between 1 and 720/);
    expect(problemsOf({ SESSION_IDLE_MINUTES: '120', SESSION_ABSOLUTE_HOURS: '1' }).join('\n')).toMatch(/must not be longer than SESSION_ABSOLUTE_HOURS/);
  });

  it('derives the public URL from PORT', () => {
    expect(loadConfig({ PORT: '4100', BROKER_DEMO_PORT: '4101' }).publicUrl.href).toBe('http://localhost:4100/');
  });

  it('names each malformed setting', () => {
    const problems = problemsOf({ PORT: '70000', PUBLIC_URL: 'not a url', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x@y/z' });
    expect(problems.join('\n')).toMatch(/PORT must be a port number/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL must be an absolute URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(problems).toHaveLength(4);
  });

  it('never echoes credentials in a malformed URL', () => {
    const problems = problemsOf({ SMTP_URL: 'smtp//user:s3cret@host' });
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('refuses a broker demo site on the same site as the portal', () => {
    expect(problemsOf({ BROKER_DEMO_URL: 'http://localhost:3001' }).join('\n')).toMatch(/different site/);
    expect(problemsOf({ PORT: '3001' }).join('\n')).toMatch(/BROKER_DEMO_PORT must differ from PORT/);
  });

  it('demands https, a database and SMTP in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'http://portal.example' }).join('\n');
    expect(problems).toMatch(/https in production/);
    expect(problems).toMatch(/DATABASE_URL is required in production/);
    expect(problems).toMatch(/SMTP_URL is required in production/);
    expect(problems).toMatch(/OIDC_JWKS is required in production/);
    expect(problems).toMatch(/SESSION_KEYS is required in production/);
    expect(problems).toMatch(/PAYMENT_WEBHOOK_SECRET is required in production/);
    expect(problems).toMatch(/TRUST_PROXY is required in production/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://portal.example',
      DATABASE_URL: 'postgres://db/portal',
      SMTP_URL: 'smtp://mail:25',
      OIDC_JWKS: '{"keys":[]}',
      OIDC_COOKIE_KEYS: 'k',
      SESSION_KEYS: 'x'.repeat(32),
      PAYMENT_WEBHOOK_SECRET: 'y'.repeat(32),
      TRUST_PROXY: '1',
    });
    expect(ok.brokerDemoPort).toBeNull();
    expect(ok.trustProxy).toEqual({ hops: 1 });
  });

  it('reads TRUST_PROXY as hops or CIDR ranges, trusts no proxy when unset, and names it when malformed', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8' }).trustProxy).toEqual({ cidrs: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'] });
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual({ cidrs: ['loopback'] });
    for (const bad of ['0', '11', 'yes', '10.0.0.0/33', '10.0.0.0/8, proxy.internal', ',']) {
      const problems = problemsOf({ TRUST_PROXY: bad }).join('\n');
      expect(problems, bad).toMatch(/^TRUST_PROXY /m);
    }
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/8, proxy.internal' }).join('\n')).toMatch(/"proxy\.internal" is neither/);
  });

  it('rejects a public URL with a path', () => {
    expect(problemsOf({ PUBLIC_URL: 'http://localhost:3000/portal' }).join('\n')).toMatch(/without a path/);
  });
});
