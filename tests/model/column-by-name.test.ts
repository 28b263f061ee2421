import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import type { Column, Side, Table } from '../../src/model/document.js';
import { columnByName, normalizeName } from '../../src/model/table-access.js';
import { endOfDocument } from '../../src/memo.js';

/** columnByName as first written: every header normalised again for every name asked. */
function plainColumnByName(table: Table, name: string, side?: Side): Column | undefined {
  const withoutYear = (s: string): string => s.replace(/^20\d{2}年(度)?/, '');
  for (const alt of name.split('|')) {
    const want = normalizeName(alt);
    const sameSide = table.columns.filter((c) => side === undefined || c.side === side);
    const c =
      sameSide.find((c) => c.key === alt) ??
      sameSide.find((c) => normalizeName(c.name) === want) ??
      sameSide.find((c) => c.path.some((p) => normalizeName(p) === want)) ??
      sameSide.find((c) => withoutYear(normalizeName(c.name)).startsWith(want));
    if (c) return c;
  }
  return undefined;
}

describe('columnByName (answers shared by tables with the same headers)', () => {
  it('finds the column the plain search finds, for random headers, sides and names', () => {
    const rng = new Rng(20261127);
    const words = ['合计', '财政拨款', '财政拨款收入', '2024年', '2023年度', '机关运行经费', ' 预算数', '(三公)', '“三公”', '　', '基本支出', '项目支出', '小计', '人员经费'];
    const phrase = (): string => Array.from({ length: rng.int(1, 3) }, () => rng.pick(words)).join('');
    const wrong: string[] = [];
    for (let n = 0; n < 1500; n++) {
      const columns: Column[] = [];
      for (let i = rng.int(0, 8); i > 0; i--) {
        const path = Array.from({ length: rng.int(1, 3) }, phrase);
        const name = path[path.length - 1]!;
        const side = rng.chance(0.3) ? rng.pick<Side>(['income', 'expense']) : undefined;
        columns.push({ key: rng.chance(0.2) ? rng.pick(words) : path.join('/'), name, path, index: columns.length + 1, side } as unknown as Column);
      }
      // the same headers again in later documents (new objects), sometimes with one field changed
      const tables = [{ id: `T${n}`, kind: 'T1', columns, rows: [] } as unknown as Table];
      for (let copies = rng.int(0, 2); copies > 0; copies--) tables.push({ ...tables[0]!, columns: columns.map((c) => ({ ...c, path: [...c.path] })) });
      if (tables.length > 1 && columns.length > 0 && rng.chance(0.5)) {
        const changed = rng.pick(tables[tables.length - 1]!.columns as Column[]) as { -readonly [K in keyof Column]: Column[K] };
        const field = rng.int(0, 3);
        if (field === 0) changed.side = changed.side === 'income' ? 'expense' : changed.side === 'expense' ? undefined : 'income';
        else if (field === 1) changed.name = phrase();
        else if (field === 2) changed.key = phrase();
        else changed.path = rng.chance(0.5) ? [...changed.path, phrase()] : [phrase(), ...changed.path.slice(1)];
      }
      // each table is asked the same names, twice (the answers are remembered)
      const questions = Array.from({ length: rng.int(1, 6) }, () => ({
        name: rng.chance(0.3) ? `${phrase()}|${phrase()}` : rng.chance(0.3) && columns.length > 0 ? rng.pick(columns).key : phrase(),
        side: rng.chance(0.5) ? undefined : rng.pick<Side>(['income', 'expense']),
      }));
      for (const table of tables) {
        for (const { name, side } of questions) {
          for (let again = 0; again < 2; again++) {
            if (columnByName(table, name, side) !== plainColumnByName(table, name, side)) wrong.push(`${JSON.stringify(table.columns.map((c) => [c.key, c.path, c.side]))} ${name} ${side}`);
          }
        }
        if (rng.chance(0.5)) endOfDocument();
      }
    }
    expect(wrong).toEqual([]);
  });
});
