/**
 * The numbered parameters of one SQL statement assembled from parts that several modules
 * write (data-modifying CTEs): each part asks for its placeholders here, so no part needs to
 * know how many parameters the others use.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of `value` (`$n`), with its cast when given (`uuid[]`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /**
   * `unnest($1::uuid[], …) AS alias(name, …)`: `rows` as a table to select, update or delete
   * from, one array parameter per column (each read from a row by its `pick`, with its cast).
   */
  unnest<T>(rows: readonly T[], alias: string, columns: UnnestColumns<T>): string {
    const names = Object.keys(columns);
    const arrays = names.map((name) => {
      const [pick, cast] = columns[name]!;
      return this.add(rows.map(pick), cast);
    });
    return `unnest(${arrays.join(', ')}) AS ${alias}(${names.join(', ')})`;
  }
}

/** Column name → how to read it from a row, and its array cast (`uuid[]`). */
export type UnnestColumns<T> = Record<string, readonly [pick: (row: T) => unknown, cast: string]>;

/** A named part of a `WITH` statement: `name AS (sql)`. */
export type StatementPart = readonly [name: string, sql: string];

/** `WITH name AS (sql), … <final>` (just `final` without parts): the parts run in one statement, all or nothing. */
export function withParts(parts: readonly StatementPart[], final: string): string {
  if (parts.length === 0) return final;
  return `WITH ${parts.map(([name, sql]) => `${name} AS (${sql})`).join(',\n')}\n${final}`;
}
