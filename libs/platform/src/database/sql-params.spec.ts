import { SqlParams, withParts } from './sql-params';

describe(SqlParams.name, () => {
  it('numbers placeholders across parts, an unnest taking one array per column in the order named', () => {
    const params = new SqlParams();
    const project = params.add('p-1', 'uuid');
    const rows = params.unnest(
      [
        { id: 'a', amount: 5 },
        { id: 'b', amount: 7 },
      ],
      'r',
      {
        id: [(row) => row.id, 'uuid[]'],
        amount: [(row) => row.amount, 'bigint[]'],
      },
    );
    expect(project).toBe('$1::uuid');
    expect(rows).toBe('unnest($2::uuid[], $3::bigint[]) AS r(id, amount)');
    expect(params.values).toEqual(['p-1', ['a', 'b'], [5, 7]]);
  });

  it('withParts: the parts as one WITH statement, or the final statement alone', () => {
    expect(withParts([['a', 'SELECT 1']], 'SELECT * FROM a')).toBe('WITH a AS (SELECT 1)\nSELECT * FROM a');
    expect(withParts([], 'SELECT 2')).toBe('SELECT 2');
  });
});
