import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * Parametrised multi-row INSERTs in batches. Values travel as bind parameters (never spliced
 * into SQL), so bytea (Buffers), text[] and jsonb need no escaping. PostgreSQL allows 65 535
 * parameters per statement; batches stay well below, and below a byte budget for big blobs.
 */
export interface InsertOptions {
  /** Per-column casts, e.g. `{ insured_object: 'jsonb' }`. */
  casts?: Record<string, string>;
  /** Columns to return for every inserted row (to map business keys to ids). */
  returning?: string[];
  /** Starts a new batch once the Buffers in it pass this many bytes. */
  maxBatchBytes?: number;
}

const MAX_PARAMS = 30_000;

export async function insertRows(
  sequelize: Sequelize,
  transaction: Transaction | null,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: InsertOptions = {},
): Promise<Record<string, unknown>[]> {
  const returned: Record<string, unknown>[] = [];
  const maxRows = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  let batch: (readonly unknown[])[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    returned.push(...(await insertBatch(sequelize, transaction, table, columns, batch, options)));
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    batch.push(row);
    bytes += row.reduce<number>((sum, value) => sum + (Buffer.isBuffer(value) ? value.byteLength : 0), 0);
    if (batch.length >= maxRows || (options.maxBatchBytes && bytes >= options.maxBatchBytes)) await flush();
  }
  await flush();
  return returned;
}

async function insertBatch(
  sequelize: Sequelize,
  transaction: Transaction | null,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: InsertOptions,
): Promise<Record<string, unknown>[]> {
  const bind: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
    const placeholders = row.map((value, i) => {
      bind.push(value);
      const cast = options.casts?.[columns[i]!];
      return cast ? `$${bind.length}::${cast}` : `$${bind.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const returning = options.returning?.length ? ` returning ${options.returning.join(', ')}` : '';
  const sql = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}${returning}`;
  if (!returning) {
    await sequelize.query(sql, { bind, transaction, type: QueryTypes.INSERT });
    return [];
  }
  return sequelize.query<Record<string, unknown>>(sql, { bind, transaction, type: QueryTypes.SELECT });
}

/** jsonb goes in as text (pg would send a JS array as a PostgreSQL array, not JSON). */
export function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
