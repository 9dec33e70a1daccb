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
}

/** A named part of a `WITH` statement: `name AS (sql)`. */
export type StatementPart = readonly [name: string, sql: string];

/** `WITH name AS (sql), … <final>` (just `final` without parts): the parts run in one statement, all or nothing. */
export function withParts(parts: readonly StatementPart[], final: string): string {
  if (parts.length === 0) return final;
  return `WITH ${parts.map(([name, sql]) => `${name} AS (${sql})`).join(',\n')}\n${final}`;
}
