import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { atColumn, atColumns, type SourceLocation } from '../../src/model/location.js';

/** A location of any shape the readers make (their property order), or with other properties. */
function randomLocation(next: () => number): SourceLocation {
  const n = (): number => 1 + Math.floor(next() * 500);
  const shapes: Array<() => SourceLocation> = [
    () => ({ file: 'a.txt', line: n(), column: n() }),
    () => ({ file: 'a.txt', line: n() }),
    () => ({ file: 'a.pdf', page: n(), line: n(), column: n() }),
    () => ({ file: 'a.pdf', page: n(), line: n() }),
    () => ({ file: 'a.csv', line: n(), cell: `B${n()}` }),
    () => ({ file: 'a.xlsx', sheet: 'S', cell: `C${n()}` }),
    () => ({ file: 'a.xlsx', sheet: 'S', cell: `C${n()}`, column: n() }),
    () => ({ file: 'a.csv', line: n(), cell: `B${n()}`, column: n() }),
    () => ({ file: 'a.xlsx', sheet: 'S', line: n(), cell: `C${n()}` }),
    () => ({ file: 'a.pdf', page: n(), line: n(), cell: `C${n()}` }),
    () => ({ file: 'a.xlsx', cell: `C${n()}` }),
    () => ({ file: 'a.xlsx', sheet: 'S' }),
    () => ({ file: 'a.txt', line: n(), column: n(), endColumn: n() }),
    () => ({ file: 'a.txt', line: n(), column: n(), endLine: n(), endColumn: n() }),
    () => ({ file: 'c' }),
  ];
  return shapes[Math.floor(next() * shapes.length)]!();
}

/** The properties in order with their values: what a spread would have built. */
const layout = (o: object): string => JSON.stringify(Object.entries(o));

describe('atColumn and atColumns', () => {
  it('build what a spread with the column (and end column) builds, for every shape of location', () => {
    const rng = new Rng(20261127);
    const next = (): number => rng.next();
    const differing: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const loc = randomLocation(next);
      const column = 1 + Math.floor(next() * 80);
      const end = column + Math.floor(next() * 10);
      if (layout(atColumn(loc, column)) !== layout({ ...loc, column })) differing.push(`atColumn ${layout(loc)} ${column}`);
      if (layout(atColumns(loc, column, end)) !== layout({ ...loc, column, endColumn: end })) differing.push(`atColumns ${layout(loc)} ${column} ${end}`);
    }
    expect(differing).toEqual([]);
  });
});
