// A few statements on the hottest write path (raising a concern and chaining its audit entry)
// run thousands of times a second with the same shape. Kysely builds and compiles each one
// anew, which costs more than SQLite's own work for a small row; these are built once per
// database kind and then run with new values. Everything else uses the builder as usual.
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

type Param<P> = <K extends keyof P & string>(name: K) => P[K];

interface Shape<P> {
  sql: string;
  /** For each bound parameter: which named value goes there, or a fixed value. */
  slots: ({ name: keyof P } | { value: unknown })[];
}

/**
 * `build` receives `param(name)`, a stand-in for a value given later; every stand-in must be
 * bound as a plain value (not inside a list or an expression). The statement is compiled on
 * first use for each database kind and afterwards only executed.
 */
export function precompiled<P extends Record<string, unknown>, Row = unknown>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<Row>,
) {
  // Keyed by the dialect's adapter: one per database, shared by its transactions.
  const shapes = new WeakMap<object, Shape<P>>();
  return async (db: Kysely<Database>, values: P): Promise<QueryResult<Row>> => {
    const key = db.getExecutor().adapter;
    let shape = shapes.get(key);
    if (!shape) {
      const standIns = new Map<unknown, keyof P>();
      const param = ((name: keyof P) => {
        const standIn = { standInFor: name };
        standIns.set(standIn, name);
        return standIn;
      }) as Param<P>;
      const compiled = build(db, param).compile();
      const slots = compiled.parameters.map((v) => {
        const name = standIns.get(v);
        return name === undefined ? { value: v } : { name };
      });
      if (new Set(slots.flatMap((s) => ('name' in s ? [s.name] : []))).size !== standIns.size)
        throw new Error('precompiled: every stand-in must be bound as a plain value.');
      shape = { sql: compiled.sql, slots };
      shapes.set(key, shape);
    }
    const parameters = shape.slots.map((s) => ('name' in s ? values[s.name] : s.value));
    return db.executeQuery(CompiledQuery.raw(shape.sql, parameters));
  };
}

/**
 * An insert of one whole row. `columns` must name every column of the table (the type checker
 * holds this), so a column added later cannot be left out of the statement by accident.
 */
export function precompiledInsert<T extends keyof Database>(
  table: T,
  columns: { [K in keyof Database[T]]-?: true },
): (db: Kysely<Database>, row: Database[T]) => Promise<QueryResult<unknown>> {
  const names = Object.keys(columns);
  const insert = precompiled<Record<string, unknown>>((db, param) =>
    db.insertInto(table).values(Object.fromEntries(names.map((c) => [c, param(c)])) as never),
  );
  return (db, row) => insert(db, row as unknown as Record<string, unknown>);
}
