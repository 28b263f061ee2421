import { ECONOMIC_NAMES } from './catalog-data.js';
import type { GeneratedDocument, LineInfo } from './document.js';
import { withThousands } from './money.js';
import { Rng } from './random.js';

/** The kinds of planted error (issue 9): one amount, one narrative figure, one row, one code digit. */
export const PERTURBATION_KINDS = ['amount', 'narrative', 'row-drop', 'code-digit'] as const;
export type PerturbationKind = (typeof PERTURBATION_KINDS)[number];

/** A document with one planted error and the lines whose values take part in the broken identity. */
export interface Perturbation {
  readonly kind: PerturbationKind;
  readonly text: string;
  /** What was changed, for test output ("T3 2011301 合计: 7,264,096 → 7,264,097"). */
  readonly description: string;
  /** 1-based line numbers (in the perturbed text) whose values participate in the broken identity. */
  readonly participants: ReadonlySet<number>;
}

/** Code relation used to decide which rows take part in an identity with a changed row. */
function related(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Usual economic ↔ functional equalities (DOMAIN.md §4) that tie a T8 row to functional rows. */
const CUSTOMS: Readonly<Record<string, readonly string[]>> = {
  '30108': ['2080505'],
  '30109': ['2080506'],
  '30110': ['21011'],
  '30111': ['21011'],
  '30113': ['2210201'],
  '30301': ['2080501', '2080502'],
  '30302': ['2080501', '2080502'],
};

/**
 * Lines that take part in some identity with the value(s) on line `at` (0-based index), as 1-based
 * line numbers of the original text: the line itself, rows of the same or an enclosing code in any
 * table, total rows, the summary tables (T1, T4, T9 have only lines that all add up together) and
 * narrative lines that restate one of those codes or the totals.
 */
export function participantsOf(doc: GeneratedDocument, at: number): Set<number> {
  const me = doc.info[at]!;
  const out = new Set<number>([at + 1]);
  // a 绩效目标 form's amounts add up within the form, and its 年度资金申请总额 to the narrative's sum
  if (me.form !== undefined) {
    doc.info.forEach((info, i) => {
      if (info.form === me.form || (info.narrative && doc.lines[i]!.includes('绩效目标'))) out.add(i + 1);
    });
    return out;
  }
  const codes = new Set<string>();
  if (me.code) {
    codes.add(me.code);
    for (const c of CUSTOMS[me.code] ?? []) codes.add(c);
    if (me.scheme === 'economic') for (const [eco, fn] of Object.entries(CUSTOMS)) if (fn.some((f) => related(f, me.code!))) codes.add(eco);
  }
  for (const c of me.narrative?.codes ?? []) codes.add(c);
  const summary = (i: LineInfo): boolean => i.table === 'T1' || i.table === 'T4' || i.table === 'T9';
  const totalish = me.total || summary(me) || me.narrative?.totals || me.narrative?.sanGong || me.table === 'T8' || me.table === 'T5';
  doc.info.forEach((info, i) => {
    if (i === at) return;
    const codeHit = info.code !== undefined && [...codes].some((c) => related(c, info.code!));
    const narrativeHit = info.narrative !== undefined && (info.narrative.codes.some((c) => [...codes].some((x) => related(c, x))) || (totalish && (info.narrative.totals || info.narrative.sanGong)));
    const sameTable = info.table !== undefined && info.table === me.table && (info.total || summary(info));
    const totals = totalish && (info.total || summary(info));
    if (codeHit || narrativeHit || sameTable || totals || (me.narrative && info.table && (info.total || summary(info)))) out.add(i + 1);
  });
  return out;
}

/** Replaces field `field` of a tab-separated line. */
function setField(line: string, field: number, value: string): string {
  const f = line.split('\t');
  f[field] = value;
  return f.join('\t');
}

function digitsOnly(s: string): string {
  return s.replace(/,/g, '');
}

/** A changed amount: off by one, a few percent, or an extra digit (DOMAIN.md §6). */
function changeAmount(text: string, rng: Rng, rounded: boolean): string {
  const decimals = text.includes('.');
  if (decimals) {
    // 万元 with two decimals (三公; MoF tables in 万元), or 元 with 分 ("1,000,000.00", 绩效目标 forms): moved
    // by 1 to 1 000 hundredths. A hundredth or two stays within the rounding of the sums a figure is in
    // when the figures are rounded (a MoF table in 万元: T2 20106 3166.35 → 3166.34 on seed 80539 was a
    // miss), and so does a printed 0.00 (MoF 三公 table), whose narrative "0万元" has no decimals to
    // tell: no check could see them. (三公 figures are exact hundredths, forms exact 分.)
    const [i, d = ''] = text.split('.');
    const hundredths = BigInt(digitsOnly(i!) + d.padEnd(2, '0').slice(0, 2));
    const delta = BigInt(rng.pick(rounded || hundredths === 0n ? [10, 100, 1000] : [1, 2, 10, 100, 1000]));
    const v = rng.chance(0.5) || hundredths <= delta ? hundredths + delta : hundredths - delta;
    const s = v.toString().padStart(3, '0');
    const whole = s.slice(0, -2);
    return `${i!.includes(',') ? withThousands(whole) : whole}.${s.slice(-2)}`;
  }
  const v = BigInt(digitsOnly(text));
  const choice = rng.int(0, 2);
  if (choice === 0) return withThousands((v + (rng.chance(0.5) || v <= 1n ? 1n : -1n)).toString());
  if (choice === 1) {
    const delta = v / 20n + 1n;
    return withThousands((rng.chance(0.5) ? v + delta : v - delta > 0n ? v - delta : v + delta).toString());
  }
  const s = v.toString();
  const pos = rng.int(1, s.length);
  return withThousands(s.slice(0, pos) + String(rng.int(1, 9)) + s.slice(pos));
}

/** A changed narrative figure: the integer part moves by at least 5 (beyond any rounding). */
function changeFigure(text: string, rng: Rng): string {
  const [grouped, d] = text.split('.');
  // a figure with thousands separators ("37,151.47") is changed on its digits and grouped again
  const i = digitsOnly(grouped!);
  const n = BigInt(i);
  const step = 10n ** BigInt(rng.int(0, Math.max(0, i.length - 1)));
  // at least 5 (万元): beyond what rounding can explain even for a whole-万元 figure in a breakdown of
  // several whole-万元 addends (each ±0.5)
  let delta = BigInt(rng.int(1, 9)) * step;
  if (delta < 5n) delta += 5n;
  const v = rng.chance(0.5) || n < delta ? n + delta : n - delta;
  const whole = grouped!.includes(',') ? withThousands(v.toString()) : v.toString();
  return d !== undefined ? `${whole}.${d}` : whole;
}

/** Plants one error of `kind` in a generated document, chosen by `seed`. */
export function perturb(doc: GeneratedDocument, kind: PerturbationKind, seed: number): Perturbation {
  const rng = new Rng(seed);
  const lines = [...doc.lines];
  const build = (description: string, participants: Set<number>): Perturbation => ({ kind, text: `${lines.join('\n')}\n`, description, participants });

  if (kind === 'amount') {
    const candidates = doc.info.flatMap((info, i) => ((info.table || info.form) && info.cells ? info.cells.map((c) => ({ i, c })) : []));
    const { i, c } = rng.pick(candidates);
    // figures of a budget table in 万元 other than the 三公 table are rounded from 元 (forms print exact 分)
    const changed = changeAmount(c.text, rng, doc.info[i]!.table !== undefined && doc.info[i]!.table !== 'T9');
    lines[i] = setField(lines[i]!, c.field, changed);
    const info = doc.info[i]!;
    return build(`${info.table ?? `绩效目标 form ${info.form}`} line ${i + 1} ${info.code ?? ''} ${c.column}: ${c.text} → ${changed}`, participantsOf(doc, i));
  }
  if (kind === 'narrative') {
    const candidates = doc.info.flatMap((info, i) => (info.narrative ? info.narrative.figures.filter((f) => f.checkable).map((f) => ({ i, f })) : []));
    const { i, f } = rng.pick(candidates);
    const changed = changeFigure(f.text, rng);
    const line = lines[i]!;
    lines[i] = line.slice(0, f.offset) + changed + line.slice(f.offset + f.text.length);
    return build(`narrative line ${i + 1} offset ${f.offset}: ${f.text} → ${changed}`, participantsOf(doc, i));
  }
  if (kind === 'row-drop') {
    // A code row whose removal breaks a sum: it has a sibling under the same parent (or is a 类 of several).
    const rows = doc.info.map((info, i) => ({ info, i })).filter(({ info }) => info.code && info.cells && info.cells.length > 0 && info.table !== 'T1' && info.table !== 'T4');
    const candidates = rows.filter(({ info, i }) =>
      rows.some((o) => o.i !== i && o.info.table === info.table && o.info.code!.length === info.code!.length && o.info.code!.slice(0, info.code!.length - 2) === info.code!.slice(0, info.code!.length - 2) && o.info.code !== info.code),
    );
    const { i } = rng.pick(candidates);
    const participants = participantsOf(doc, i);
    participants.delete(i + 1);
    lines.splice(i, 1);
    const shifted = new Set([...participants].map((n) => (n > i + 1 ? n - 1 : n)));
    return build(`${doc.info[i]!.table} line ${i + 1}: dropped row ${doc.info[i]!.code}`, shifted);
  }
  // code-digit: one digit of the last printed code part of a 款 or 项 row changes (of a code printed
  // whole in one 科目编码 field, one of its last two digits). On T8 the new code must be a known economic
  // code (a name that no longer fits its code): an unknown code with nothing else pointing at it is not
  // an inconsistency any check could see.
  const options = doc.info.flatMap((info, i) => {
    if (!info.code || !info.codeFields) return [];
    const compact = info.compactCode === true;
    if (compact ? info.code.length < 5 : info.codeFields.length < 2) return [];
    const field = info.codeFields[info.codeFields.length - 1]!;
    const text = lines[i]!.split('\t')[field]!;
    const part = compact ? text.slice(-2) : text;
    const head = text.slice(0, text.length - part.length);
    const variants: string[] = [];
    for (let pos = 0; pos < part.length; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === part[pos]) continue;
        const changed = part.slice(0, pos) + String(d) + part.slice(pos + 1);
        const code = info.code.slice(0, info.code.length - part.length) + changed;
        if (info.scheme === 'economic' && ECONOMIC_NAMES[code] === undefined) continue;
        variants.push(changed);
      }
    }
    return variants.map((changed) => ({ info, i, field, part, changed: head + changed }));
  });
  const { info, i, field, part, changed } = rng.pick(options);
  lines[i] = setField(lines[i]!, field, changed);
  return build(`${info.table} line ${i + 1}: code ${info.code} part ${part} → ${changed.slice(changed.length - part.length)}`, participantsOf(doc, i));
}
