import type { BudgetDocument, Column, Row, Side, Table } from '../../model/document.js';
import { columnByName, normalizeName, totalRow } from '../../model/table-access.js';
import { lineKinds, type LineKind } from './line-kinds.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { labelledParticipant, participant, participantsInColumn, relatedOf, targetOf, type Participant } from './values.js';
import { NamedRows } from './named-rows.js';
import { hasMark, LAYOUT_MARK_SCHEMA, type LayoutMark } from './refs.js';
import { lineGroup } from './line-groups.js';
import { stripNumbering } from '../../parsers/row-parse.js';
import { firstTableOf } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';

type Against =
  | { readonly kind: 'classes'; readonly table: string; readonly column: string }
  | { readonly kind: 'column-totals'; readonly table: string }
  /** `under`: only the numbered sub-lines under the numbered line of that name (the MoF layout's 一、本年收入). */
  | { readonly kind: 'lines'; readonly table: string; readonly side: Side; readonly column: string; readonly under?: string };

type BlankAs = 'zero' | 'missing';

interface Layout {
  readonly when: LayoutMark;
  readonly lines: Lines;
  readonly against: Against;
  readonly blankAs?: BlankAs;
}

/** 'funds': the lines naming a fund (一般公共预算, 政府性基金, 国有资本经营), matched by the fund they name. */
type Select = 'top' | 'sub' | 'all' | 'funds';

interface Lines {
  readonly table: string;
  readonly side: Side;
  readonly column: string;
  readonly select: Select;
}

interface Options {
  readonly lines: Lines;
  readonly against: Against;
  /**
   * The same lines in another table layout (the MoF layout's T1 prints the funds as 一、二、三 lines,
   * not as 1./2./3. under 一、财政拨款收入), each with the line that marks that layout: the first whose
   * mark the document prints is matched instead of lines/against/blankAs.
   */
  readonly layouts?: readonly Layout[];
  /**
   * Lines that stand for the whole of the other table, compared with its 合计 row (the MoF layout's
   * 一、本年支出 heads the T4 class lines: its 一般公共预算财政拨款 amount is T5's 合计).
   */
  readonly wholeLines?: readonly string[];
  /** A blank summary line facing a non-blank value: "zero" compares, "missing" makes it not assessable. */
  readonly blankAs?: BlankAs;
  /** Also report values of the other table that no line restates (e.g. a 类 of T3 missing from T1). */
  readonly bothWays?: boolean;
}

/** Whether a line of this kind is one of those `select` picks. */
function selected(kind: LineKind, select: Select, row: Row): boolean {
  if (kind === 'total' || kind === 'unlabelled') return false;
  if (select === 'top') return kind === 'top' || kind === 'plain';
  if (select === 'sub') return kind === 'sub';
  if (select === 'funds') return fundOf(row.name) !== undefined;
  return true;
}

/** The fund a line names: 一般公共预算拨款收入 and 1. 一般公共预算资金 both name 一般公共预算. */
function fundOf(name: string): string | undefined {
  const n = key(name);
  for (const fund of FUNDS) if (n.includes(fund)) return fund;
  return undefined;
}

const FUNDS = ['一般公共预算', '政府性基金', '国有资本经营'] as const;

const key = (s: string): string => normalizeName(s);

const LINES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'side', 'column', 'select'],
  properties: {
    table: { type: 'string', pattern: '^T[1-9]$' },
    side: { enum: ['income', 'expense'] },
    column: { type: 'string' },
    select: { enum: ['top', 'sub', 'all', 'funds'] },
  },
} as const;

const AGAINST_SCHEMA = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind', 'table', 'column'], properties: { kind: { const: 'classes' }, table: { type: 'string' }, column: { type: 'string' } } },
    { type: 'object', additionalProperties: false, required: ['kind', 'table'], properties: { kind: { const: 'column-totals' }, table: { type: 'string' } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'table', 'side', 'column'],
      properties: {
        kind: { const: 'lines' },
        table: { type: 'string' },
        side: { enum: ['income', 'expense'] },
        column: { type: 'string' },
        under: { type: 'string', minLength: 1 },
      },
    },
  ],
} as const;

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
        lines: LINES_SCHEMA,
        against: AGAINST_SCHEMA,
        blankAs: { enum: ['zero', 'missing'] },
        bothWays: { type: 'boolean' },
        layouts: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['when', 'lines', 'against'],
            properties: { when: LAYOUT_MARK_SCHEMA, lines: LINES_SCHEMA, against: AGAINST_SCHEMA, blankAs: { enum: ['zero', 'missing'] } },
          },
        },
        wholeLines: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
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
    const layout = layoutOf(ctx.document, ctx.options.layouts);
    const { lines, against } = layout ?? ctx.options;
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
    const rows = selectedLines(table, lines);
    if (rows.length === 0 && !ctx.options.bothWays) {
      const which = lines.select === 'sub' ? 'numbered sub-lines' : lines.select === 'funds' ? 'lines naming a fund' : 'lines';
      ctx.notApplicable('lines', `${table.kind} has no ${which} on the ${lines.side} side`);
      return;
    }
    matchLines(ctx, table, column, rows, lines.select, other, against, layout ? layout.blankAs : ctx.options.blankAs);
  },
});

/** The first layout whose mark the document prints, if any. */
function layoutOf(doc: BudgetDocument, layouts: Options['layouts']): Layout | undefined {
  if (layouts !== undefined) for (const layout of layouts) if (hasMark(doc, layout.when)) return layout;
  return undefined;
}

/** The lines of `table` that `lines` picks, in row order. */
function selectedLines(table: Table, lines: Lines): Row[] {
  const kinds = lineKinds(table);
  const rows: Row[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    if (r.side === lines.side && selected(kinds[i]!, lines.select, r)) rows.push(r);
  }
  return rows;
}

/** Each of `rows` (of `table`, in `column`) against its counterpart in `other`. */
function matchLines(
  ctx: CheckContext<Options>,
  table: Table,
  column: Column,
  rows: readonly Row[],
  select: Select,
  other: Table,
  against: Against,
  blankAs: BlankAs | undefined,
): void {
  const found = counterpartFinder(ctx, other, against);
  if (!found) return;
  const counterpart = select === 'funds' ? new FundLines(found.all()) : found;
  const whole = wholeLineNames(ctx.options.wholeLines);
  const matched = new Set<Row>();
  for (const row of rows) {
    const mine = participant(table, row, column);
    const theirs = whole.has(key(row.name)) ? counterpart.total() : counterpart.find(row.name);
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
    if (mine.blank && !theirs.blank && blankAs === 'missing') {
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
}

const NO_WHOLE_LINES: ReadonlySet<string> = new Set();

/** The names of the whole lines without numbering, normalised. */
function wholeLineNames(names: readonly string[] | undefined): ReadonlySet<string> {
  if (names === undefined) return NO_WHOLE_LINES;
  const out = new Set<string>();
  for (const n of names) out.add(key(stripNumbering(n)));
  return out;
}

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
  /** The other table's 合计 in the column compared (classes only; see wholeLines). */
  total(): Participant | undefined;
}

function counterpartFinder(ctx: CheckContext<Options>, other: Table, against: Against): Counterpart | undefined {
  if (against.kind === 'classes') {
    const col = columnByName(other, against.column);
    if (!col) {
      ctx.notApplicable('lines', `${other.kind} has no column "${against.column}"`);
      return undefined;
    }
    const classes = other.rows.filter((r) => r.level === '类');
    // the 合计 only for a rule with whole lines (see wholeLines)
    const total = ctx.options.wholeLines === undefined ? undefined : totalRow(other);
    return new NamedLines(participantsInColumn(other, classes, col), total && participant(other, total, col));
  }
  if (against.kind === 'lines') {
    const col = columnByName(other, against.column, against.side);
    if (!col) {
      ctx.notApplicable('lines', `${other.kind} has no column "${against.column}"`);
      return undefined;
    }
    if (against.under !== undefined) {
      const group = lineGroup(other, against.side, against.under);
      if (!group) {
        ctx.notAssessable('lines', `${other.kind} has no line "${against.under}" on the ${against.side} side`, { table: other });
        return undefined;
      }
      return new NamedLines(participantsInColumn(other, group.subs.rows, col), undefined);
    }
    return new NamedLines(participantsInColumn(other, other.rows.filter((r) => r.side === against.side && !r.isTotal), col), undefined);
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
  total(): Participant | undefined {
    return undefined;
  }
}

/** Lines of the other table, found by name (see NamedRows). */
class NamedLines implements Counterpart {
  private readonly named: NamedRows<Row>;
  constructor(
    private readonly parts: Participant[],
    private readonly whole: Participant | undefined,
  ) {
    this.named = new NamedRows(packedMap(parts, (p) => p.row));
  }
  total(): Participant | undefined {
    return this.whole;
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

/** The other table's lines found by the fund they name (select "funds"): the one line of that fund. */
class FundLines implements Counterpart {
  constructor(private readonly parts: Participant[]) {}
  find(name: string): Participant | undefined {
    const fund = fundOf(name);
    let found: Participant | undefined;
    for (const p of this.parts) {
      if (fundOf(p.row.name) !== fund) continue;
      if (found !== undefined) return undefined;
      found = p;
    }
    return found;
  }
  all(): Participant[] {
    return this.parts;
  }
  total(): Participant | undefined {
    return undefined;
  }
}
