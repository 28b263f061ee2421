import type { Column, Row, Side, Table } from '../../model/document.js';
import { columnByName, normalizeName } from '../../model/table-access.js';
import { lineKinds, type LineKind } from './line-kinds.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { labelledParticipant, participant, participantsInColumn, relatedOf, targetOf, type Participant } from './values.js';
import { NamedRows } from './refs.js';
import { stripNumbering } from '../../parsers/row-parse.js';
import { firstTableOf } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';

type Against =
  | { readonly kind: 'classes'; readonly table: string; readonly column: string }
  | { readonly kind: 'column-totals'; readonly table: string }
  | { readonly kind: 'lines'; readonly table: string; readonly side: Side; readonly column: string };

interface Options {
  readonly lines: { readonly table: string; readonly side: Side; readonly column: string; readonly select: 'top' | 'sub' | 'all' };
  readonly against: Against;
  /** A blank summary line facing a non-blank value: "zero" compares, "missing" makes it not assessable. */
  readonly blankAs?: 'zero' | 'missing';
  /** Also report values of the other table that no line restates (e.g. a 类 of T3 missing from T1). */
  readonly bothWays?: boolean;
}

/** Whether a line of this kind is one of those `select` picks. */
function selected(kind: LineKind, select: Options['lines']['select']): boolean {
  if (kind === 'total' || kind === 'unlabelled') return false;
  if (select === 'top') return kind === 'top' || kind === 'plain';
  if (select === 'sub') return kind === 'sub';
  return true;
}

const key = (s: string): string => normalizeName(s);

/**
 * Lines that group or carry over rather than restate an item: 本年收入 / 本年支出 (the MoF layout's
 * heading lines), 上年结转(结余), 年终结转结余, 结转下年, 用事业基金弥补收支差额. When the other table has
 * no item of their name they are not assessable here, never an error.
 */
const STRUCTURAL_LINE = /^(本年收入|本年支出|上年结转|上年结余|年初结转|年终结转|结转下年|用事业基金弥补|提取|结余分配)|结转|结余/;

export function isStructuralLine(row: Row): boolean {
  return STRUCTURAL_LINE.test(stripNumbering(row.label ?? row.name));
}

/**
 * Summary-table lines restate other tables by name: each T1 支出 line is a 类 of T3; each T1 收入 line
 * is a T2 column total; T1's 1./2./3. are T4's 收入 lines; each T4 支出 line per fund column is a 类 of
 * T5/T6/T7 (DOMAIN.md §4). Lines are matched by their name without numbering.
 */
export default defineCheck<Options>({
  id: 'lines-match',
  meta: {
    description: { zh: '收支总表各行与其他表的对应数值一致', en: 'Summary-table lines agree with the values they restate in other tables' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['lines', 'against'],
      properties: {
        lines: {
          type: 'object',
          additionalProperties: false,
          required: ['table', 'side', 'column', 'select'],
          properties: {
            table: { type: 'string', pattern: '^T[1-9]$' },
            side: { enum: ['income', 'expense'] },
            column: { type: 'string' },
            select: { enum: ['top', 'sub', 'all'] },
          },
        },
        against: {
          oneOf: [
            { type: 'object', additionalProperties: false, required: ['kind', 'table', 'column'], properties: { kind: { const: 'classes' }, table: { type: 'string' }, column: { type: 'string' } } },
            { type: 'object', additionalProperties: false, required: ['kind', 'table'], properties: { kind: { const: 'column-totals' }, table: { type: 'string' } } },
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'table', 'side', 'column'],
              properties: { kind: { const: 'lines' }, table: { type: 'string' }, side: { enum: ['income', 'expense'] }, column: { type: 'string' } },
            },
          ],
        },
        blankAs: { enum: ['zero', 'missing'] },
        bothWays: { type: 'boolean' },
      },
    },
    messages: {
      ...COMPARISON_MESSAGES,
      unmatchedLine: {
        zh: '{subject} 为 {actual}{unit}，但 {other} 中没有同名的项目',
        en: '{subject} is {actual} {unit} but {other} has no item of that name',
      },
      unmatchedValue: {
        zh: '{subject} 为 {actual}{unit}，但 {other} 中没有对应的行',
        en: '{subject} is {actual} {unit} but {other} has no line for it',
      },
    },
  },
  run(ctx) {
    const { lines, against } = ctx.options;
    const table = firstTableOf(ctx.document, lines.table);
    const other = firstTableOf(ctx.document, against.table);
    if (!table || !other) {
      ctx.notApplicable('lines', `table ${!table ? lines.table : against.table} is absent`);
      return;
    }
    const column = columnByName(table, lines.column, lines.side);
    if (!column) {
      ctx.notApplicable('lines', `${table.kind} has no column "${lines.column}" on the ${lines.side} side`);
      return;
    }
    const kinds = lineKinds(table);
    const rows: Row[] = [];
    for (let i = 0; i < table.rows.length; i++) {
      const r = table.rows[i]!;
      if (r.side === lines.side && selected(kinds[i]!, lines.select)) rows.push(r);
    }
    if (rows.length === 0 && !ctx.options.bothWays) {
      ctx.notApplicable('lines', `${table.kind} has no ${lines.select === 'sub' ? 'numbered sub-' : ''}lines on the ${lines.side} side`);
      return;
    }
    const counterpart = counterpartFinder(ctx, other, against);
    if (!counterpart) return;
    const matched = new Set<Row>();
    for (const row of rows) {
      const mine = participant(table, row, column);
      const theirs = counterpart.find(row.name);
      const instance = `${table.id}:${row.label ?? row.name}`;
      if (!theirs) {
        // a blank or zero line needs no counterpart (e.g. 二、政府性基金预算 of an empty T6)
        if (mine.blank || mine.interval.value.isZero()) {
          ctx.pass(instance, targetOf(mine));
          continue;
        }
        if (isStructuralLine(row)) {
          ctx.notAssessable(instance, `${mine.label} groups or carries over amounts; ${other.kind} has no item of that name`, targetOf(mine));
          continue;
        }
        reportUnmatched(ctx, instance, 'unmatchedLine', mine, `${other.kind} ${other.title}`);
        continue;
      }
      matched.add(theirs.row);
      if (mine.blank && !theirs.blank && ctx.options.blankAs === 'missing') {
        ctx.notAssessable(instance, `${mine.label} is blank`, targetOf(mine));
        continue;
      }
      compareAndReport(ctx, instance, mine, [theirs]);
    }
    if (ctx.options.bothWays) {
      for (const p of counterpart.all()) {
        if (matched.has(p.row) || p.blank || p.interval.value.isZero()) continue;
        reportUnmatched(ctx, `${other.id}:${p.row.code ?? p.row.label ?? p.row.name}`, 'unmatchedValue', p, `${table.kind} ${table.title}`);
      }
    }
  },
});

function reportUnmatched(ctx: CheckContext<Options>, instance: string, messageId: string, p: Participant, other: string): void {
  ctx.report({
    instance,
    messageId,
    data: { subject: p.label, actual: p.cell?.amount?.raw ?? '', unit: p.cell?.amount?.unit ?? '', other },
    at: targetOf(p),
    related: [relatedOf(p)],
  });
}

interface Counterpart {
  find(name: string): Participant | undefined;
  all(): Participant[];
}

function counterpartFinder(ctx: CheckContext<Options>, other: Table, against: Against): Counterpart | undefined {
  if (against.kind === 'classes') {
    const col = columnByName(other, against.column);
    if (!col) {
      ctx.notApplicable('lines', `${other.kind} has no column "${against.column}"`);
      return undefined;
    }
    const classes = other.rows.filter((r) => r.level === '类');
    return new NamedLines(participantsInColumn(other, classes, col));
  }
  if (against.kind === 'lines') {
    const col = columnByName(other, against.column, against.side);
    if (!col) {
      ctx.notApplicable('lines', `${other.kind} has no column "${against.column}"`);
      return undefined;
    }
    return new NamedLines(participantsInColumn(other, other.rows.filter((r) => r.side === against.side && !r.isTotal), col));
  }
  const total = other.rows.find((r) => r.isTotal);
  if (!total) {
    ctx.notAssessable('lines', `${other.kind} has no 合计 row`, { table: other });
    return undefined;
  }
  const parts: Participant[] = [];
  const names: string[] = [];
  for (const c of other.columns) {
    const name = key(c.name);
    if (name === '合计') continue;
    parts.push(labelledParticipant(other, total, c, `${other.kind} 合计 / ${c.name}`));
    names.push(name);
  }
  return new TotalColumns(parts, names);
}

/** The other table's 合计 row, column by column: a line matches the column of its name. */
class TotalColumns implements Counterpart {
  /** `names`: the normalised name of each part's column (read once, for every line). */
  constructor(
    private readonly parts: Participant[],
    private readonly names: readonly string[],
  ) {}
  find(name: string): Participant | undefined {
    const want = key(name);
    const { parts, names } = this;
    for (let i = 0; i < parts.length; i++) if (names[i] === want) return parts[i];
    // "财政拨款收入" ↔ "财政拨款": the one column whose name extends or shortens the line name
    let near: Participant | undefined;
    for (let i = 0; i < parts.length; i++) {
      const n = names[i]!;
      if (n.length < 2 || !(n.startsWith(want) || want.startsWith(n))) continue;
      if (near !== undefined) return undefined;
      near = parts[i];
    }
    return near;
  }
  all(): Participant[] {
    return this.parts;
  }
}

/** Lines of the other table, found by name (see NamedRows). */
class NamedLines implements Counterpart {
  private readonly named: NamedRows<Row>;
  constructor(private readonly parts: Participant[]) {
    this.named = new NamedRows(packedMap(parts, (p) => p.row));
  }
  find(name: string): Participant | undefined {
    const row = this.named.find(name);
    if (row) for (const p of this.parts) if (p.row === row) return p;
    return undefined;
  }
  all(): Participant[] {
    return this.parts;
  }
}
