import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { MAX_SHAPES, preparedStatement, selectPrepared, statementFor } from '../../../server/db/prepared-statement.ts';
import { useTestDatabase } from '../../support/database.ts';
import { countQueries } from '../domain/support.ts';

const db = useTestDatabase();

const TYPED = preparedStatement(
  'test_prepared_typed',
  `select $1::int as n, count(*) as big, timestamptz '2026-11-24 10:00:00+01' as at, date '2026-11-24' as day,
          '{"a":[1,"é"]}'::jsonb as doc, array['x','y'] as list, null::text as nothing, $2::text as echoed
     from generate_series(1, 3)`,
);

describe('selectPrepared', () => {
  it('answers the rows sequelize answers for the same SELECT (same type parsers)', async () => {
    const values = [7, 'ő <b>'];
    const prepared = await selectPrepared(db.sequelize, TYPED, values);
    const plain = await db.sequelize.query(TYPED.text, { bind: values, type: QueryTypes.SELECT });
    expect(prepared).toEqual(plain);
    expect(prepared).toEqual([
      { n: 7, big: '3', at: new Date('2026-11-24T09:00:00Z'), day: '2026-11-24', doc: { a: [1, 'é'] }, list: ['x', 'y'], nothing: null, echoed: 'ő <b>' },
    ]);
  });

  it('runs as a named statement on the server, prepared once per connection', async () => {
    const self = preparedStatement('test_prepared_self', `select name, statement from pg_prepared_statements where name = 'test_prepared_self'`);
    for (let run = 0; run < 8; run++) {
      const rows = await selectPrepared<{ name: string; statement: string }>(db.sequelize, self, []);
      expect(rows).toEqual([{ name: 'test_prepared_self', statement: self.text }]);
    }
  });

  it("shows in sequelize's logging hook like sequelize's own queries (what the query-count tests read)", async () => {
    const { queries } = await countQueries(db.sequelize, async () => {
      await selectPrepared(db.sequelize, TYPED, [1, 'a']);
      await selectPrepared(db.sequelize, TYPED, [2, 'b']);
    });
    expect(queries).toEqual([`Executing (prepared test_prepared_typed): ${TYPED.text}`, `Executing (prepared test_prepared_typed): ${TYPED.text}`]);
  });

  it('keeps answering after its connection is replaced (on PGlite the session, and its statements, outlive the connection)', async () => {
    const again = preparedStatement('test_prepared_reconnect', `select $1::int + 1 as n`);
    expect(await selectPrepared(db.sequelize, again, [1])).toEqual([{ n: 2 }]);
    // What a dropped socket or the pool retiring an idle connection does: the next read gets a new one.
    await (db.sequelize.connectionManager as unknown as { pool: { destroyAllNow(): Promise<void> } }).pool.destroyAllNow();
    expect(await selectPrepared(db.sequelize, again, [2])).toEqual([{ n: 3 }]);
    expect(await selectPrepared(db.sequelize, again, [3])).toEqual([{ n: 4 }]);
  });

  it('passes values as parameters, never as SQL', async () => {
    const echo = preparedStatement('test_prepared_echo', 'select $1::text as value');
    const hostile = `'); drop table customers; --`;
    expect(await selectPrepared(db.sequelize, echo, [hostile])).toEqual([{ value: hostile }]);
    const [row] = await db.sequelize.query<{ n: string }>('select count(*) as n from customers', { type: QueryTypes.SELECT });
    expect(row?.n).toBeDefined();
  });

  it('rejects with the database error and gives the connection back to the pool', async () => {
    const divide = preparedStatement('test_prepared_divide', 'select 10 / $1::int as q');
    // More failures than the pool has connections: a leaked connection would make the last call wait forever.
    for (let run = 0; run < 12; run++) {
      await expect(selectPrepared(db.sequelize, divide, [0])).rejects.toMatchObject({ code: '22012' });
    }
    expect(await selectPrepared(db.sequelize, divide, [5])).toEqual([{ q: 2 }]);
  });
});

describe('preparedStatement', () => {
  it('refuses a name given to another text, and names PostgreSQL would not take', () => {
    preparedStatement('test_prepared_twice', 'select 1');
    expect(preparedStatement('test_prepared_twice', 'select 1').text).toBe('select 1');
    expect(() => preparedStatement('test_prepared_twice', 'select 2')).toThrow(/already declared/);
    expect(() => preparedStatement('Bad-Name', 'select 1')).toThrow(/not a valid statement name/);
    expect(() => preparedStatement('', 'select 1')).toThrow(/not a valid statement name/);
    expect(() => preparedStatement(`a${'b'.repeat(63)}`, 'select 1')).toThrow(/not a valid statement name/);
  });
});

describe('statementFor (texts assembled from a few shapes)', () => {
  it('names each text once, after its hash, and runs like any prepared statement', async () => {
    const open = statementFor('test_shape', 'select $1::int + 1 as n');
    expect(statementFor('test_shape', 'select $1::int + 1 as n')).toBe(open);
    const other = statementFor('test_shape', 'select $1::int + 2 as n');
    expect(other.name).not.toBe(open.name);
    expect(open.name).toMatch(/^test_shape_[0-9a-f]{16}$/);
    expect(await selectPrepared(db.sequelize, open, [1])).toEqual([{ n: 2 }]);
    expect(await selectPrepared(db.sequelize, other, [1])).toEqual([{ n: 3 }]);
  });

  // Last in this file: it fills the process's registry.
  it('refuses more texts than a handful of shapes could make (a value spliced into the SQL)', () => {
    expect(() => {
      for (let n = 0; n <= MAX_SHAPES; n++) statementFor('test_spliced', `select ${n} as n`);
    }).toThrow(/are values spliced into the SQL of "test_spliced"/);
  });
});
