import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { DpopReplayStore } from '../../../../server/api/auth/dpop-replay.ts';
import { silentLogger } from '../../../../common/http/logger.ts';

const db = useTestDatabase();

/** The jti of every row still in the store, sorted. */
async function storedJtis(): Promise<string[]> {
  const rows = await db.sequelize.query<{ jti: string }>('select jti from dpop_proof_jtis order by jti', { type: QueryTypes.SELECT });
  return rows.map((row) => row.jti);
}

/** A row whose proof could last be fresh `secondsAgo` seconds ago (negative: still to come). */
async function insertRow(jti: string, secondsAgo: number): Promise<void> {
  await db.sequelize.query(`insert into dpop_proof_jtis (jkt, jti, expires_at) values ('jkt-a', :jti, now() - make_interval(secs => :secondsAgo))`, {
    replacements: { jti, secondsAgo },
  });
}

afterEach(async () => {
  vi.useRealTimers();
  await db.sequelize.query('delete from dpop_proof_jtis');
});

describe('DpopReplayStore: the used-jti store on PostgreSQL', () => {
  it('accepts a jti once per key, and the same jti under another key', async () => {
    const store = new DpopReplayStore(db.sequelize, silentLogger, 180);
    expect(await store.use('jkt-a', 'once')).toBe(true);
    expect(await store.use('jkt-a', 'once')).toBe(false);
    expect(await store.use('jkt-b', 'once')).toBe(true);
  });

  it('sweeps expired entries when a write comes, keeps live ones, and sweeps at most once a minute', async () => {
    await insertRow('expired-1', 5);
    await insertRow('expired-2', 3600);
    await insertRow('live', -120);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T02:00:00Z'));
    const store = new DpopReplayStore(db.sequelize, silentLogger, 180);

    expect(await store.use('jkt-a', 'new-write')).toBe(true);
    // The sweep runs beside the write (fire and forget): wait for it.
    await vi.waitFor(async () => expect(await storedJtis()).toEqual(['live', 'new-write']), { timeout: 5000, interval: 50 });

    // Within the minute, another write does not sweep again…
    await insertRow('expired-3', 5);
    expect(await store.use('jkt-a', 'second-write')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedJtis()).toEqual(['expired-3', 'live', 'new-write', 'second-write']);

    // …a write a minute later does.
    vi.setSystemTime(new Date('2026-12-07T02:01:01Z'));
    expect(await store.use('jkt-a', 'third-write')).toBe(true);
    await vi.waitFor(async () => expect(await storedJtis()).toEqual(['live', 'new-write', 'second-write', 'third-write']), { timeout: 5000, interval: 50 });
  });

  it('keeps a used jti for its keep time, so a replay within it is still refused', async () => {
    const store = new DpopReplayStore(db.sequelize, silentLogger, 180);
    expect(await store.use('jkt-a', 'kept')).toBe(true);
    const [row] = await db.sequelize.query<{ keep: number }>(
      `select extract(epoch from expires_at - now())::int as keep from dpop_proof_jtis where jti = 'kept'`,
      {
        type: QueryTypes.SELECT,
      },
    );
    expect(row!.keep).toBeGreaterThan(170);
    expect(row!.keep).toBeLessThanOrEqual(180);
    // A sweep (forced: a fresh store sweeps at its first write) leaves it in place.
    expect(await new DpopReplayStore(db.sequelize, silentLogger, 180).use('jkt-a', 'other')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.use('jkt-a', 'kept')).toBe(false);
  });
});
