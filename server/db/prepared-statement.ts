import { createHash } from 'node:crypto';
import type { Sequelize } from 'sequelize';

/**
 * A read query run as a named prepared statement on one of sequelize's pooled connections, for
 * the queries every request runs (the session lookup, the list pages). PostgreSQL then parses
 * and plans it once per connection instead of at every call: for the session lookup (a join
 * with a few jsonb expressions) planning is three quarters of its cost (pgbench: 16,000 → 62,000
 * statements/s). Sequelize itself has no named statements; the connection is the `pg` client
 * sequelize's own pool hands out, with its type parsers, so rows look as through
 * `sequelize.query(…, { type: SELECT })`.
 *
 * Only for statements whose text is a constant: the name identifies the text for the life of the
 * connection. Not inside a transaction (that holds its own connection).
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
  /** Marks a connection sequelize's pool must not hand out again (see its postgres `validate`). */
  _invalid?: boolean;
}

const names = new Map<string, string>();

/** Declares a statement; a name used twice for different text is a programming error. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new TypeError(`preparedStatement: ${JSON.stringify(name)} is not a valid statement name`);
  const known = names.get(name);
  if (known !== undefined && known !== text) throw new TypeError(`preparedStatement: ${name} is already declared with another text`);
  names.set(name, text);
  return Object.freeze({ name, text });
}

/** Statements named after their text (`statementFor`): a few shapes per query, never values. */
const byText = new Map<string, PreparedStatement>();
export const MAX_SHAPES = 256;

/**
 * The statement for a query whose text is assembled at run time from a few fixed shapes (a
 * filter present or not, one ORDER BY per sort): named `<prefix>_<hash of the text>`, so each
 * shape is prepared once per connection. Values must stay parameters: more than 256 different
 * texts in one process means a value went into the SQL, and is refused.
 */
export function statementFor(prefix: string, text: string): PreparedStatement {
  const known = byText.get(text);
  if (known) return known;
  if (byText.size >= MAX_SHAPES) throw new Error(`statementFor: more than ${MAX_SHAPES} statement texts; are values spliced into the SQL of "${prefix}"?`);
  const statement = preparedStatement(`${prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text);
  byText.set(text, statement);
  return statement;
}

/** SQLSTATE 42P05: a statement of that name exists in the session already. */
const DUPLICATE_PREPARED_STATEMENT = '42P05';

/** Lost-connection errors of `pg`: the pool must discard the connection, as sequelize does for its own queries. */
const BROKEN_CONNECTION = /ECONNRESET|EPIPE|Connection terminated|not queryable/i;

export async function selectPrepared<Row>(sequelize: Sequelize, statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
  // Through sequelize's logging hook like its own queries (tests count queries with it).
  const { logging } = (sequelize as unknown as { options: { logging?: unknown } }).options;
  if (typeof logging === 'function') logging(`Executing (prepared ${statement.name}): ${statement.text}`);
  const manager = sequelize.connectionManager;
  // Typed 'read' | 'write', but its pool sends what its own SELECTs pass ('SELECT') to a read replica, if any.
  const connection = (await manager.getConnection({ type: 'SELECT' } as unknown as Parameters<typeof manager.getConnection>[0])) as unknown as PgConnection;
  try {
    try {
      const result = await connection.query({ name: statement.name, text: statement.text, values });
      return result.rows as Row[];
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_PREPARED_STATEMENT) throw error;
      // The embedded PGlite serves ONE Postgres session to every connection, so its statements
      // outlive the connection that prepared them: after a reconnect (a dropped socket, the pool
      // retiring an idle connection) this new connection's first Parse of a name finds it taken,
      // and every read through it failed until the process restarted. The name always stands for
      // this same text (preparedStatement() enforces it): drop the old one and prepare it anew.
      // A real PostgreSQL has a session per connection and never gets here.
      await connection.query({ name: '', text: `deallocate ${statement.name}`, values: [] });
      const result = await connection.query({ name: statement.name, text: statement.text, values });
      return result.rows as Row[];
    }
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    if (BROKEN_CONNECTION.test(String(e.code ?? '')) || BROKEN_CONNECTION.test(String(e.message ?? ''))) connection._invalid = true;
    throw error;
  } finally {
    manager.releaseConnection(connection as never);
  }
}
