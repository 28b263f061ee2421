/**
 * The narrative of a generated document (部门预算编制说明 and 其他相关情况说明), worded as published
 * documents word it (NarrativeStyle): the totals, the items, 三公, 机关运行经费, 政府采购, 绩效目标 and
 * the other paragraphs. Shared by both layouts (render-text.ts, render-mof.ts).
 */
import { basicKinds, codeOrder, fundTotal, type FunctionalSums } from './aggregate.js';
import { FUNCTIONAL_NAMES } from './catalog-data.js';
import { asPrintedWan, hundredths, percentChange, printedRadius, share, shareHeld, wan, type WanStyle } from './money.js';
import type { GeneratedBudget, NarrativeStyle, SanGong } from './model.js';
import { NUMERALS, printed, Sentence, type Figuring, type Printed, type Writer } from './writer.js';

/** The separator after a part that says its change: "、" only lists plain parts, so "；" stands for it. */
function afterChange(ns: NarrativeStyle): string {
  return ns.partSep === '、' ? '；' : ns.partSep;
}

/** How the narrative names last year in its comparisons (NarrativeStyle.yoy). */
class Phrasing {
  private noted = false;

  constructor(readonly ns: NarrativeStyle, private readonly year: number) {}

  /** "比上年预算", "较上年预算", "比2024年预算", "比2024年（上一年度，下同）预算" (the first time), "同比". */
  against(): string {
    const last = this.year - 1;
    switch (this.ns.yoy) {
      case 'prior':
        return '比上年预算';
      case 'plain':
        return '比上年';
      case 'versus':
        return '较上年预算';
      case 'year':
        return `比${last}年预算`;
      case 'tongbi':
        return '同比';
      case 'executed':
        return `比${last}年预算执行数`;
      case 'yearNote':
        if (this.noted) return `比${last}年预算`;
        this.noted = true;
        return `比${last}年（上一年度，下同）预算`;
    }
  }

  /** "与上年预算持平", "与2024年预算持平", "比2024年预算持平", "同比持平". */
  flat(): string {
    switch (this.ns.yoy) {
      case 'prior':
      case 'versus':
        return '与上年预算持平';
      case 'plain':
        return '与上年持平';
      case 'year':
        return `与${this.year - 1}年预算持平`;
      case 'tongbi':
        return '同比持平';
      case 'yearNote':
      case 'executed':
        return `${this.against()}持平`;
    }
  }

  /** "上年预算为", "2024年预算为", "2024年预算执行数为": last year's amount, when the document states it. */
  previous(): string {
    const last = this.year - 1;
    switch (this.ns.yoy) {
      case 'plain':
        return '上年为';
      case 'year':
      case 'yearNote':
        return `${last}年预算为`;
      case 'executed':
        return `${last}年预算执行数为`;
      default:
        return '上年预算为';
    }
  }

  /** "增长"/"下降" or "增加"/"减少" before a percentage. */
  percentWord(up: boolean): string {
    if (this.ns.percentWords === 'growth') return up ? '增长' : '下降';
    if (this.ns.percentWords === 'rate') return up ? '增幅' : '降幅';
    return up ? '增加' : '减少';
  }

  percentSign(): string {
    return this.ns.percentSpace ? ' %' : '%';
  }
}

/**
 * "比上年预算增加8216.79万元，增长41.3%" / "减少…，下降…%" / "与上年预算持平". The difference is not
 * checkable: last year is not in the document, and a difference moved by 5 moves the percentage it
 * implies by far less than a percentage point when the base is large. `current` is this year's amount
 * as printed before it, for the percentage's reasoning.
 */
function change(s: Sentence, ph: Phrasing, exactCur: bigint, exactPrev: bigint, current: Printed, how: Figuring, style: WanStyle): Sentence {
  // a writer working from the printed 万元 figures: both years as printed (三公 amounts are exact anyway)
  const asPrinted = (v: bigint): bigint => (ph.ns.fromPrinted && how !== 'exact' && how !== 'yuan' ? asPrintedWan(v, how === 'whole' ? 0 : 2) : v);
  const cur = asPrinted(exactCur);
  const prev = asPrinted(exactPrev);
  const up = cur > prev;
  const difference = up ? cur - prev : prev - cur;
  // a change after a 亿元 total is printed in 万元, as most documents do, or in 亿元 too when it is at
  // least 0.01亿元 ("比上年增加0.18亿元")
  const inYi = how === 'yi' && ph.ns.yiChanges && current.unit === '亿元' && difference >= 1_000_000n;
  const diff = printed(difference, inYi ? 'yiAlways' : how === 'yi' ? 'wan' : how, style);
  const last = ph.ns.previousStated ? printed(prev, how, style) : undefined;
  // With last year's amount stated, this year − last year must equal the change and agree with its
  // direction: moving the change or last year's amount by 5万元 or more breaks that as long as the
  // three roundings together stay under 4万元 (not with a 亿元 figure: ±50万元).
  const held = last !== undefined && current.radius + last.radius + diff.radius <= 40_000n;
  if (last) s.t(ph.previous()).p(last, held).t('，');
  if (cur === prev) return s.t(ph.flat());
  const word = ph.ns.changeWords === 'zengjia' ? (up ? '增加' : '减少') : up ? '增长' : '下降';
  const decimals = ph.ns.yoyPercent;
  const pct = decimals === null || prev === 0n ? undefined : percentChange(cur, prev, decimals);
  if (pct === undefined) return s.t(`${ph.against()}${word}`).p(diff, held);
  const percent = (): Sentence => s.fig(pct, percentCheckable(prev, current, last ?? diff)).t(ph.percentSign());
  if (ph.ns.percentFirst) {
    // "比上年增长8.43%，增加96.58万元"
    s.t(`${ph.against()}${ph.percentWord(up)}`);
    return percent().t(`，${word}`).p(diff, held);
  }
  const [open, close] = ph.ns.percentBrackets ? ['（', '）'] : ['，', ''];
  s.t(`${ph.against()}${word}`).p(diff, held).t(`${open}${ph.percentWord(up)}`);
  return percent().t(close);
}

/**
 * Whether a year-on-year percentage moved by 5 points or more must contradict the amounts it is said
 * of. The checker takes the base as last year's amount where stated, else this year's amount ∓ the
 * change, each within its printed rounding r (largest of the two; `other` is last year's amount or
 * the change): the percentage p = D ÷ B × 100 can then lie anywhere in about
 * ±100·(r_D + p/100·(r_C + r_D)) ÷ (B − r_C − r_D). With p ≤ 100 (last year is 70–130 % of this year,
 * or this year is nothing) and B ≥ 100·r, that is within ±300·r ÷ 98·r ≈ ±3.1 points: a move of 5 is
 * beyond it and beyond the percentage's own rounding (±0.05).
 */
function percentCheckable(previous: bigint, current: Printed, other: Printed): boolean {
  const r = current.radius > other.radius ? current.radius : other.radius;
  return previous >= 100n * r && previous > 0n;
}

/**
 * "比上年预算增加8216.79万元" / "减少…" / "与上年预算持平" in one fixed wording (the Ministry of Finance
 * layout's totals sentences, render-mof.ts; the difference is not checkable: last year is in no table).
 */
export function plainChange(s: Sentence, cur: bigint, prev: bigint, exact100 = false): Sentence {
  if (cur === prev) return s.t('与上年预算持平');
  const d = cur > prev ? cur - prev : prev - cur;
  s.t(`比上年预算${cur > prev ? '增加' : '减少'}`);
  return (exact100 ? s.h(d, false) : s.w(d, false)).t('万元');
}

/** The 编制说明's totals: income and spending with their parts and changes against last year, worded per document. */
export function renderTotals(w: Writer, b: GeneratedBudget, all: Map<string, FunctionalSums>): void {
  const style = b.style.wan;
  const y = b.year;
  const grand = all.get('')!;
  const generalTotal = fundTotal(b, 'general');
  const govfundTotal = fundTotal(b, 'govfund');
  w.para(`${y}年部门预算编制说明`);
  const ns = b.style.narrative;
  const ph = new Phrasing(ns, y);
  const how: Figuring = ns.totals;
  const sentence = (): Sentence => new Sentence(style, true, false, ns.thousands);
  /** An amount of the totals sentences, printed and followed by its change against last year. */
  const stated = (s: Sentence, cur: bigint, prev: bigint, of?: readonly [string, bigint]): Sentence => {
    const p = printed(cur, how, style);
    s.p(p, true).t('，');
    // "，占财政拨款支出预算的67.4%" (narrative/share-of-total), a target where a planted error must show
    if (ns.shares && of && of[1] > 0n && cur > 0n) s.t(`占${of[0]}的`).fig(share(cur, of[1]), shareHeld(cur, p.radius, of[1], printed(of[1], how, style).radius)).t('%，');
    return change(s, ph, cur, prev, p, how, style);
  };
  /** A total, with its change when the document gives one ("收入预算X万元，其中：…" otherwise). */
  const total = (s: Sentence, cur: bigint, prev: bigint): Sentence => (ns.totalChange ? stated(s, cur, prev) : s.p(printed(cur, how, style), true));
  const inc = sentence().t(`${y}年，本部门${ns.names.income}`);
  total(inc, grand.total, b.previous.income).t(`，其中：${ns.names.appropriationIncome}`);
  stated(inc, grand.appropriation, b.previous.appropriation, ['收入预算', grand.total]);
  if (ns.appropriationFunds) {
    // a breakdown inside the breakdown: the funds of 财政拨款收入, in brackets
    inc.t('（其中：一般公共预算拨款收入').p(printed(generalTotal, how, style), true).t('、政府性基金拨款收入').p(printed(govfundTotal, how, style), true).t('）');
  }
  // the other sources in the order drawn; the zero ones too when the document lists them ("事业收入0万元")
  // "、" lists plain parts; after a part that says its change, the documents go on with "；"
  let sep = afterChange(ns);
  for (const src of ns.sourceOrder) {
    const v = grand.other[src];
    if (v === 0n && !ns.zeroSources) continue;
    inc.t(`${sep}${src}`).p(printed(v, how, style), true);
    sep = ns.partSep;
  }
  inc.t('。').emit(w);

  const exp = sentence().t(ns.names.spending);
  total(exp, grand.total, b.previous.income).t('，其中：财政拨款支出预算');
  stated(exp, grand.appropriation, b.previous.appropriation).t('。财政拨款支出预算中，');
  const funds: Array<readonly [string, bigint, bigint]> = [
    [ns.names.general, generalTotal, b.previous.general],
    [ns.names.govfund, govfundTotal, b.previous.govfund],
  ];
  if (ns.govfundFirst) funds.reverse();
  for (const [name, cur, prev] of funds) stated(exp.t(name), cur, prev, ['财政拨款支出预算', grand.appropriation]).t(afterChange(ns));
  stated(exp.t('国有资本经营预算拨款支出预算为'), 0n, 0n).t('。');
  if (ns.spendingKinds) {
    // T3's totals: 支出预算 = 基本支出 + 项目支出
    const whole = printed(grand.total, how, style);
    const [basic, project] = [printed(grand.basic, how, style), printed(grand.project, how, style)];
    exp.t(`按支出类型分，${ns.names.spending}`).p(whole, true).t('，其中：基本支出').p(basic, true);
    kindShare(exp, ns, grand.basic, basic, grand.total, whole, ns.names.spending).t(ns.partSep).t('项目支出').p(project, true);
    kindShare(exp, ns, grand.project, project, grand.total, whole, ns.names.spending).t('。');
  }
  if (ns.basicKinds) {
    // T8's totals: 一般公共预算基本支出 = 人员经费 + 公用经费
    const { personnel, pub } = basicKinds(b);
    const basic = printed(personnel + pub, how, style);
    const [people, office] = [printed(personnel, how, style), printed(pub, how, style)];
    exp.t('一般公共预算基本支出').p(basic, true).t('，其中：人员经费').p(people, true);
    kindShare(exp, ns, personnel, people, personnel + pub, basic, '一般公共预算基本支出').t(ns.partSep).t('公用经费').p(office, true);
    kindShare(exp, ns, pub, office, personnel + pub, basic, '一般公共预算基本支出').t('。');
  }
  exp.t('财政拨款支出主要内容如下：').emit(w);
}

/**
 * A part's share of its total after the part ("，占比67.4%", "，占支出预算的67.4%", "（所占比例为67.4%）",
 * "，占67.4%"; NarrativeStyle.kindShares), rounded half-up from the 元 amounts; a planted-error target
 * where a move of 5 points must contradict the printed figures (shareHeld). None for a zero part.
 */
function kindShare(s: Sentence, ns: NarrativeStyle, part: bigint, partPrinted: Printed, whole: bigint, wholePrinted: Printed, wholeName: string): Sentence {
  const k = ns.kindShares;
  if (!k || part <= 0n || whole <= 0n) return s;
  const [open, close] = k.words === 'suozhan' ? ['（所占比例为', '）'] : k.words === 'zhanbi' ? ['，占比', ''] : k.words === 'of' ? [`，占${wholeName}的`, ''] : ['，占', ''];
  const held = shareHeld(part, partPrinted.radius, whole, wholePrinted.radius);
  return s.t(open).fig(share(part, whole, k.decimals), held).t(`%${close}`);
}

/**
 * A functional code as the narrative names it: "一般公共服务支出（类）", "商贸事务（款）" (with its 类
 * when `withClass`), "行政运行（项）"; with `numbers`, "（201类）", "（13款）", "（01项）".
 */
function codeLabel(code: string, withClass: boolean, numbers: boolean): string {
  const cls = code.slice(0, 3);
  const k = code.slice(0, 5);
  const clsText = `${FUNCTIONAL_NAMES[cls]}（${numbers ? `${cls}类` : '类'}）`;
  if (code.length === 3) return clsText;
  const kText = `${FUNCTIONAL_NAMES[k]}（${numbers ? `${k.slice(3)}款` : '款'}）`;
  if (code.length === 5) return withClass ? `${clsText}${kText}` : kText;
  return `${FUNCTIONAL_NAMES[code]}（${numbers ? `${code.slice(5)}项` : '项'}）`;
}

/** The 财政拨款 spending by item: per class with its 项 listed, or per 项 with last year's 执行数. */
export function renderItems(w: Writer, b: GeneratedBudget, all: Map<string, FunctionalSums>): void {
  if (b.style.itemHistory) renderItemHistories(w, b, all);
  else renderClassItems(w, b, all);
}

/**
 * "1. “类（类）款（款）项（项）”X万元，主要用于…。2024年当年预算执行数为P万元，2025年预算安排X万元，
 * 比2024年预算执行数增长12.34%。" per 项 ("持平" when the same; no history for an item new this year).
 */
function renderItemHistories(w: Writer, b: GeneratedBudget, all: Map<string, FunctionalSums>): void {
  const numbers = b.style.codes === 'numbers';
  const last = b.year - 1;
  codeOrder(all)
    .filter((c) => c.length === 7)
    .forEach((c, n) => {
      const current = all.get(c)!.appropriation;
      const item = b.items.find((x) => x.code === c)!;
      const ns = b.style.narrative;
      // "“类（类）款（款）项（项）”" or, as district documents also write it, "“类-款-项”科目"
      // every third label with the 款's closing bracket half-width, as a writer mixed them ("医疗（款)")
      const kuan = codeLabel(c.slice(0, 5), true, numbers);
      const mixed = ns.mixedBrackets && n % 3 === 1 ? `${kuan.slice(0, -1)})` : kuan;
      const [open, close] = ns.itemQuotes ? ['“', '”'] : ['', ''];
      const label =
        ns.itemLabel === 'dashes'
          ? `${open}${FUNCTIONAL_NAMES[c.slice(0, 3)]}-${FUNCTIONAL_NAMES[c.slice(0, 5)]}-${FUNCTIONAL_NAMES[c]}${close}科目`
          : ns.itemLabel === 'compact'
            ? `${open}${FUNCTIONAL_NAMES[c]}（${c}）${close}`
            : `${open}${mixed}${codeLabel(c, false, numbers)}${close}`;
      const s = new Sentence(b.style.wan, false, false, ns.thousands).code(c).t(`${n + 1}. ${label}`).w(current, true).t('万元');
      itemParts(s, b, all.get(c)!).t(`，主要用于${item.purpose}。`);
      const previous = b.previous.items[c] ?? 0n;
      const name = FUNCTIONAL_NAMES[c]!;
      if (!ns.itemHistoryShown) return s.emit(w);
      const sign = ns.percentSpace ? ' %' : '%';
      if (previous > 0n) {
        // last year's amount is in no table: changing it is an error only through the percentage
        s.t(`${last}年当年预算执行数为`).w(previous, false).t(`万元，${b.year}年预算安排`).w(current, true).t('万元，');
        // the writer's figures: the 元 amounts, or the printed 万元 ones (fromPrinted)
        const [cur, prev] = ns.fromPrinted ? [asPrintedWan(current, 2), asPrintedWan(previous, 2)] : [current, previous];
        if (prev === cur) s.t(`比${last}年预算执行数持平。`);
        // a percentage on a base of 100万元 or more moves beyond rounding when its integer part does
        else {
          const up = cur > prev;
          const word = ns.percentWords === 'growth' ? (up ? '增长' : '减少') : up ? '增加' : '减少';
          s.t(`比${last}年预算执行数${word}`).fig(percentChange(cur, prev), previous >= 1_000_000n).t(`${sign}。`);
        }
        if (ns.itemReasons) s.t(`主要原因是：${name}经费${prev === cur ? '保持不变' : cur > prev ? '增加' : '减少'}。`);
      } else if (ns.itemReasons) {
        // the documents' way with an item new this year: last year 0 and a rise of 100 % (no base: nothing to hold it to)
        s.t(`${last}年当年预算执行数为0万元，${b.year}年预算安排`).w(current, true).t(`万元，比${last}年预算执行数增加`).fig('100.00', false).t(`${sign}。主要原因是：${b.year}年新增${name}经费。`);
      }
      s.emit(w);
    });
}

/**
 * "，其中：基本支出A万元，项目支出B万元" after a 项's 财政拨款 (its nonzero parts; T5/T6's 基本/项目
 * columns), when the document splits its items; checkable: each restates a table cell.
 */
function itemParts(s: Sentence, b: GeneratedBudget, sums: FunctionalSums): Sentence {
  if (!b.style.narrative.itemParts) return s;
  const basic = sums.fund.general.basic + sums.fund.govfund.basic;
  const project = sums.fund.general.project + sums.fund.govfund.project;
  const parts = ([['基本支出', basic], ['项目支出', project]] as const).filter(([, v]) => v > 0n);
  parts.forEach(([name, v], i) => s.t(`${i === 0 ? '，其中：' : b.style.narrative.partSep}${name}`).w(v, true).t('万元'));
  return s;
}

/** "1. “类（类）款（款）” X万元，其中：“项（项）” Y万元，主要用于…" per class, in the seed's two layouts. */
function renderClassItems(w: Writer, b: GeneratedBudget, all: Map<string, FunctionalSums>): void {
  const style = b.style.wan;
  const numbers = b.style.codes === 'numbers';
  const ns = b.style.narrative;
  const classes = codeOrder(all).filter((c) => c.length === 3);
  const label = (code: string, withClass: boolean): string => codeLabel(code, withClass, numbers);
  const items = (s: Sentence, kuan: string): void => {
    const children = codeOrder(all).filter((c) => c.length === 7 && c.startsWith(kuan));
    children.forEach((c, i) => {
      const item = b.items.find((x) => x.code === c)!;
      const amount = all.get(c)!.appropriation;
      s.code(c).t(`${i === 0 ? '' : ''}“${label(c, false)}” `).w(amount, true).t('万元');
      if (ns.itemChanges) {
        // the item's change against last year, before its parts: "X万元，比上年预算增加C万元，其中：基本支出…"
        const p = printed(amount, 'wan', style);
        change(s.t('，'), new Phrasing(ns, b.year), amount, b.previous.items[c] ?? 0n, p, 'wan', style);
      }
      itemParts(s, b, all.get(c)!).t(`，主要用于${item.purpose}。`);
    });
  };
  // "，占财政拨款支出预算的P%" after a 类 line (the Shanghai layout: T4's 支出总计 is this year's 财政拨款)
  const grand = all.get('')!.appropriation;
  const shareOf = (s: Sentence, code: string): Sentence => {
    const k = ns.kindShares;
    const v = all.get(code)!.appropriation;
    if (!k?.items || b.style.mof || v <= 0n || grand <= 0n) return s;
    // held to the 万元 figure and to the total as the totals sentences print it (the rule may take either)
    const held = shareHeld(v, printedRadius(wan(v, style), '万元'), grand, printed(grand, ns.totals, style).radius);
    return s.t('，占财政拨款支出预算的').fig(share(v, grand, k.decimals), held).t('%');
  };
  classes.forEach((cls, n) => {
    const kuans = codeOrder(all).filter((c) => c.length === 5 && c.startsWith(cls));
    if (kuans.length === 1) {
      const k = kuans[0]!;
      const s = new Sentence(style, false, false, ns.thousands).code(cls).code(k).t(`${n + 1}. “${label(k, true)}” `).w(all.get(k)!.appropriation, true).t('万元');
      shareOf(s, k).t('，其中：');
      items(s, k);
      s.emit(w);
      return;
    }
    shareOf(new Sentence(style, false, false, ns.thousands).code(cls).t(`${n + 1}. “${label(cls, false)}” `).w(all.get(cls)!.appropriation, true).t('万元'), cls).t('，其中：').emit(w);
    kuans.forEach((k, i) => {
      const s = new Sentence(style, false, false, ns.thousands).code(cls).code(k).t(`(${i + 1}) “${label(k, true)}” `).w(all.get(k)!.appropriation, true).t('万元，其中：');
      items(s, k);
      s.emit(w);
    });
  });
}

function sanGongTotal(s: SanGong): bigint {
  return s.abroad + s.reception + s.carPurchase + s.carRunning;
}

/** Why a 三公 part changed, in the documents' words (no figures). */
function reason(name: string, cur: bigint, prev: bigint): string {
  if (cur === prev) return `主要原因是${name}保持不变`;
  return cur > prev ? `主要原因是${name}需求增加` : `主要原因是厉行节约，压减${name}`;
}

export function renderOther(w: Writer, b: GeneratedBudget, grand: FunctionalSums): void {
  const style = b.style.wan;
  const ns = b.style.narrative;
  const ph = new Phrasing(ns, b.year);
  const y = b.year;
  const sg = b.sanGong;
  const prev = b.previous.sanGong;
  const sentence = (): Sentence => new Sentence(style, false, true, ns.thousands);
  /** An exact (三公) amount with its change and, when the document gives them, the reason. */
  const stated = (s: Sentence, name: string, cur: bigint, last: bigint, withReason: boolean, stop = '，'): Sentence => {
    const p = printed(cur, 'exact', style);
    change(s.p(p, true).t(stop), ph, cur, last, p, 'exact', style);
    return withReason ? s.t(`，${reason(name, cur, last)}`) : s;
  };
  w.para('其他相关情况说明');
  w.para('一、“三公”经费预算情况说明');
  const total = sentence().t(`${y}年${ns.names.sanGong}`);
  stated(total, '“三公”经费', sanGongTotal(sg), sanGongTotal(prev), false);
  const parts = {
    abroad: { name: ns.names.abroad, cur: sg.abroad, last: prev.abroad },
    car: { name: ns.names.car, cur: sg.carPurchase + sg.carRunning, last: prev.carPurchase + prev.carRunning },
    reception: { name: ns.names.reception, cur: sg.reception, last: prev.reception },
  };
  if (ns.sanGongParts === 'inline') {
    // "其中：因公出国（境）费A万元、公务接待费B万元、…" — with "；" each part also says its change
    total.t('，其中：');
    ns.sanGongOrder.forEach((k, i) => {
      const part = parts[k];
      total.t(`${i === 0 ? '' : ns.partSep}${part.name}`);
      // with "；" each part also says its change (and reason); "、" and "，" list the amounts alone
      if (ns.partSep === '；') stated(total, part.name, part.cur, part.last, ns.reasons);
      else total.p(printed(part.cur, 'exact', style), true);
    });
    total.t('。').emit(w);
  } else {
    total.t('。其中：').emit(w);
    ns.sanGongOrder.forEach((k, i) => {
      const part = parts[k];
      const s = sentence().t(`${ns.numbering.replace('一', NUMERALS[i]!)}${part.name}`);
      // "公务接待费1.00万元。与2024年预算持平" — the change in a sentence of its own, as the corpus has it
      stated(s, part.name, part.cur, part.last, ns.reasons, ns.changeAfterPeriod ? '。' : '，');
      if (k === 'car') {
        const running = ns.carNames === 'running' ? '公务用车运行费' : ns.carNames === 'bare' ? '运行维护费' : '公务用车运行维护费';
        const purchase = ns.carNames === 'bare' ? '购置费' : '公务用车购置费';
        s.t(`${ns.carPartsInline ? '，' : '。'}其中：${purchase}`);
        stated(s, purchase, sg.carPurchase, prev.carPurchase, ns.reasons).t(`；${running}`);
        stated(s, running, sg.carRunning, prev.carRunning, ns.reasons);
      }
      // the seed's one reason: a lower 公务接待费
      if (k === 'reception' && !ns.reasons && sg.reception < prev.reception) s.t('，主要原因是厉行节约');
      s.t('。').emit(w);
    });
  }

  w.para('二、机关运行经费预算');
  const admin = b.units.filter((u) => u.kind === '行政').length;
  const civil = b.units.filter((u) => u.kind === '参公').length;
  const opSubject = ns.operatingSubject === 'units' ? `本部门下属${admin}家机关和${civil}家参公事业单位` : b.department;
  const op = sentence().t(`${y}年${opSubject}财政拨款的机关运行经费预算为`);
  if (ns.operatingChange) stated(op, '机关运行经费', sg.operating, prev.operating, ns.reasons);
  else op.p(printed(sg.operating, 'exact', style), true);
  op.t('。').emit(w);

  w.para('三、政府采购预算情况');
  const p = b.procurement;
  new Sentence(style, false, false, ns.thousands)
    .t(`${y}年${b.style.narrative.yearDu ? '度' : ''}本部门政府采购预算`)
    .h(p.goods + p.works + p.services, true)
    .t('万元，其中：政府采购货物预算')
    .h(p.goods, true)
    .t(`万元${ns.partSep}政府采购工程预算`)
    .h(p.works, true)
    .t(`万元${ns.partSep}政府采购服务预算`)
    .h(p.services, true)
    .t('万元。')
    .emit(w);
  const reserved = new Sentence(style, false, false, ns.thousands).t(`${y}年${ns.yearDu ? '度' : ''}本部门面向中小企业预留政府采购项目预算金额`).h(p.reserved, false).t('万元');
  const procurementTotal = p.goods + p.works + p.services;
  // shares (narrative/share-of-total) of amounts printed as exact hundredths (or whole 万元 in the trim style)
  const radius = (v: bigint): bigint => printedRadius(hundredths(v / 100n, style), '万元');
  const heldShare = (part: bigint, whole: bigint): boolean => shareHeld(part, radius(part), whole, radius(whole));
  if (ns.procurementShares && procurementTotal > 0n) reserved.t('，占本部门政府采购项目预算总额的').fig(share(p.reserved, procurementTotal, 2), heldShare(p.reserved, procurementTotal)).t('%');
  reserved.t('，其中，预留给小型和微型企业的政府采购项目预算为').h(p.smallMicro, false).t('万元');
  if (ns.procurementShares && p.reserved > 0n) reserved.t('，占预留份额的').fig(share(p.smallMicro, p.reserved, 2), heldShare(p.smallMicro, p.reserved)).t('%');
  reserved.t('。').emit(w);

  w.para('四、绩效目标设置情况');
  // with forms printed, the narrative states their number
  const withTargets = b.targetForms.length > 0 ? b.targetForms.length : b.projectsWithTargets;
  new Sentence(style, false, false, ns.thousands)
    .t(
      ns.yearDu
        ? `${y}年度，本部门编报绩效目标的项目共${withTargets}个，涉及项目预算资金`
        : `按照本区预算绩效管理工作的总体要求，本部门${b.units.length}个预算单位开展了${y}年项目预算绩效目标编报工作，编报绩效目标的项目${withTargets}个，涉及项目预算资金`,
    )
    .w(grand.project, false)
    .t('万元。')
    .emit(w);

  if (ns.projectParts) {
    // "项目总预算1410.00万，其中支持…340.00万，…80.00万元，合计1410.00万。": the parts add up to the total stated twice
    const parts = ns.projectParts.parts;
    const sum = parts.reduce((t, x) => t + x.amount, 0n);
    const s = new Sentence(style, false, false, ns.thousands).t(`${y}年度项目总预算`).h(sum, true).t('万，其中');
    parts.forEach((x, i) => s.t(`${i === 0 ? '' : '，'}${x.name}`).h(x.amount, true).t(i === parts.length - 1 ? '万元' : '万'));
    s.t('，合计').h(sum, true).t('万。').emit(w);
  }

  w.para('五、国有资产占有使用情况说明');
  const a = ns.assets;
  if (a) {
    // last year's assets are in no table: nothing here restates one, nothing is checkable
    new Sentence(style, false, false, ns.thousands)
      .t(`截止${y - 1}年12月31日，本部门流动资产`)
      .h(a.current, false)
      .t('万元。固定资产')
      .h(a.fixed, false)
      .t(`万元，其中：房屋${hundredths(a.floorArea, 'fixed2')}平方米；车辆${b.vehicles}辆；单价50万元以上通用设备0台/套；专用设备${a.devices}台/套（其中：单价100万元以上专用设备0台/套）；其他固定资产0万元。长期投资0项0万元。在建工程${a.construction > 0n ? 1 : 0}项`)
      .h(a.construction, false)
      .t(`万元。无形资产${a.intangibles}项`)
      .h(a.intangible, false)
      .t('万元。')
      .emit(w);
  } else if (ns.vehicleList) {
    // counts and limits ("100万元（含）以上"), no amount: a list of counts after "其中" that no money total heads
    const kinds = ['部级领导干部用车', '主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部用车', '其他用车'];
    const list = kinds.map((k, i) => `${k}${i === 4 ? b.vehicles : 0}辆`).join('、');
    w.para(`截至${y - 1}年8月31日，${b.department}共有车辆${b.vehicles}辆，其中：${list}；单价100万元（含）以上设备（不含车辆）0台（套）。`);
    w.para(`${y}年部门预算安排购置车辆0辆，其中：${kinds.map((k) => `${k}0辆`).join('、')}；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。`);
  } else w.para(`截至上年末，本部门共有车辆${b.vehicles}辆。单位价值50万元以上通用设备0台（套），单位价值100万元以上专用设备0台（套）。`);
  if (ns.quarterly) {
    const q = new Sentence(style, false, false, ns.thousands);
    ns.quarterly.forEach((v, i) => q.t(`${i === 0 ? '' : '，'}第${NUMERALS[i]}季度用款计划`).h(v, false).t('万元'));
    q.t('。').emit(w);
  }
}
