import { describe, expect, it } from 'vitest';
import { ConnectionAcquireTimeoutError, ConnectionRefusedError, DatabaseError, UniqueConstraintError } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { isDatabaseUnavailableError } from '../../../server/db/database-errors.ts';

/** Which failures the API answers 503 `database_unavailable` (retry later) rather than 500. */
const db = useTestDatabase();

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {}) as Error & { sql: string; parameters: object };

describe('isDatabaseUnavailableError', () => {
  it('recognises a database that cannot be reached, or that went away under a query', () => {
    expect(isDatabaseUnavailableError(new ConnectionRefusedError(pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')))).toBe(true);
    expect(isDatabaseUnavailableError(new ConnectionAcquireTimeoutError(new Error('Operation timeout')))).toBe(true);
    expect(isDatabaseUnavailableError(new DatabaseError(pgError('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailableError(new DatabaseError(pgError('terminating connection due to administrator command', '57P01')))).toBe(true);
    expect(isDatabaseUnavailableError(new DatabaseError(pgError('the database system is starting up', '57P03')))).toBe(true);
  });

  it('leaves real query errors alone (they stay 500s, or the domain maps them)', async () => {
    const syntax = await db.sequelize.query('select * from no_such_table').catch((error: unknown) => error);
    expect(syntax).toBeInstanceOf(DatabaseError);
    expect(isDatabaseUnavailableError(syntax)).toBe(false);
    const constraint = await db.sequelize.query('select 1/0').catch((error: unknown) => error);
    expect(isDatabaseUnavailableError(constraint)).toBe(false);
    expect(isDatabaseUnavailableError(new UniqueConstraintError({}))).toBe(false);
    expect(isDatabaseUnavailableError(new Error('policy_not_found'))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
  });
});
