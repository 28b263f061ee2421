import { ECONOMIC_NAMES, FUNCTIONAL_NAMES } from './catalog-data.js';
import { NARRATIVE_NAMES, OTHER_SOURCES, type BudgetUnit, type EconomicItem, type FunctionalItem, type GeneratedBudget, type MofStyle, type NarrativeStyle, type OtherSource, type SanGong, type ProjectPlan, type TargetForm } from './model.js';
import { Rng } from './random.js';

/** Options of the generator; everything else is drawn from the seed. */
export interface GenerateOptions {
  /** Scale of the department (multiplies every amount); default drawn from the seed. */
  readonly scale?: number;
  /** Number of extra project items beyond the department's own (default 0–3 from the seed). */
  readonly extraProjects?: number;
}

const REGIONS = ['上海市青浦区', '上海市普陀区', '上海市徐汇区', '上海市闵行区', '上海市嘉定区', '上海市松江区', '上海市金山区'];
/** Districts outside Shanghai, whose departments publish in the Ministry of Finance layout. */
const MOF_REGIONS = ['北京市朝阳区', '北京市海淀区', '天津市和平区', '重庆市渝中区', '南京市鼓楼区', '杭州市西湖区', '广州市天河区', '成都市武侯区', '武汉市江汉区', '西安市雁塔区'];
/** Share of documents printed in the MoF layout, and of those with money carried over from last year. */
const MOF_SHARE = 1 / 3;
const CARRY_SHARE = 0.5;
/** Share of MoF-layout documents where other sources' money (事业收入 …) is carried over from last year too, when some item has such project money (about a third of them do). */
const OTHER_CARRY_SHARE = 0.8;
/** Share of MoF-layout documents that leave part of other sources' project money for next year (年终结转结余), when some item has such money. */
const RETAINED_SHARE = 0.5;
/** Share of MoF-layout documents whose tables are printed in 万元 rather than 元. */
const WAN_SHARE = 0.3;

/** Department archetypes: name, main 款 (with 行政运行 xx01) and the project items it usually funds. */
const DEPARTMENTS: ReadonlyArray<{ name: string; main: string; projects: readonly string[]; unit: string }> = [
  { name: '经济委员会', main: '20113', projects: ['2011399', '2150899', '2169999', '2011302'], unit: '投资促进服务中心' },
  { name: '商务委员会', main: '20113', projects: ['2011302', '2011399', '2169999'], unit: '商务发展服务中心' },
  { name: '财政局', main: '20106', projects: ['2010602', '2010607', '2010608'], unit: '财政投资评审中心' },
  { name: '司法局', main: '20406', projects: ['2040604', '2040605', '2040607', '2040613', '2040699'], unit: '公共法律服务中心' },
  { name: '人民政府办公室', main: '20103', projects: ['2010302', '2010399', '2010507'], unit: '政务服务中心' },
  { name: '城市管理行政执法局', main: '21201', projects: ['2120102', '2120104', '2120199', '2120399', '2120501'], unit: '城市管理服务中心' },
];

/** Items any department may add as projects (full hierarchies in the catalog, not personnel items). */
const EXTRA_PROJECTS = ['2013202', '2013302', '2013402', '2013802', '2012902', '2049999', '2059999', '2060503', '2060702', '2070308', '2080705', '2080901', '2080999', '2081602', '2082501', '2089999', '2100717', '2210399'];
/** Items a 政府性基金 appropriation may fund in generated documents. */
const GOVFUND_ITEMS = ['2120399', '2120501', '2129999'];

const PURPOSES = [
  '保障机构正常运转发生的基本支出',
  '开展相关业务工作的专项经费支出',
  '信息化系统运行维护及建设支出',
  '开展宣传、培训和调研等工作支出',
  '支持相关产业发展的专项资金支出',
  '购买公共服务及委托业务支出',
];

const round100 = (v: bigint): bigint => ((v + 50n) / 100n) * 100n;
const ceil100 = (v: bigint): bigint => ((v + 99n) / 100n) * 100n;
const pct = (rng: Rng, base: bigint, lo: number, hi: number): bigint => (base * BigInt(rng.int(lo, hi))) / 1000n;

/** Generates the content of one fully consistent budget document from a seed. */
export function generateBudget(seed: number, options: GenerateOptions = {}): GeneratedBudget {
  const rng = new Rng(seed);
  const region = rng.pick(REGIONS);
  const archetype = rng.pick(DEPARTMENTS);
  const department = `${region}${archetype.name}`;
  const year = rng.int(2023, 2026);
  const scale = options.scale ?? rng.pick([1, 1, 2, 5, 10]);

  // Units: the department itself (本部) and up to three subordinate units.
  const units: BudgetUnit[] = [{ name: `${department}本部`, kind: rng.chance(0.15) ? '参公' : '行政' }];
  const subCount = rng.int(0, 3);
  const subNames = [archetype.unit, '综合保障中心', '信息中心', '执法大队'];
  for (let i = 0; i < subCount; i++) {
    const kind = rng.pick(['事业', '事业', '参公', '行政'] as const);
    units.push({ name: `${region}${subNames[i]!}`, kind });
  }
  const hasInstitution = units.some((u) => u.kind === '事业');

  // Economic classification of 基本支出 (T8) first; functional personnel items follow from it.
  const base = rng.yuan(2_000_000, 12_000_000) * BigInt(scale);
  const eco = new Map<string, bigint>();
  const put = (code: string, v: bigint): void => {
    if (v > 0n) eco.set(code, (eco.get(code) ?? 0n) + v);
  };
  put('30101', pct(rng, base, 100, 160));
  put('30102', pct(rng, base, 150, 260));
  put('30103', pct(rng, base, 80, 160));
  if (hasInstitution) put('30107', pct(rng, base, 100, 200));
  put('30108', pct(rng, base, 80, 100));
  put('30109', pct(rng, base, 40, 50));
  put('30110', pct(rng, base, 50, 70));
  if (rng.chance(0.4)) put('30111', pct(rng, base, 10, 30));
  put('30112', pct(rng, base, 5, 15));
  put('30113', pct(rng, base, 60, 80));
  if (rng.chance(0.6)) put('30199', pct(rng, base, 10, 60));
  const retirees = rng.chance(0.8);
  if (retirees) {
    if (rng.chance(0.5)) put('30301', pct(rng, base, 20, 120));
    put('30302', pct(rng, base, 100, 300));
  }
  if (rng.chance(0.3)) put('30304', pct(rng, base, 10, 80));
  if (rng.chance(0.3)) put('30399', pct(rng, base, 1, 10));
  const goodsCodes = rng.sample(['30201', '30202', '30204', '30205', '30206', '30207', '30209', '30211', '30213', '30214', '30215', '30216', '30226', '30227', '30228', '30229', '30239', '30299'], rng.int(5, 12));
  for (const c of goodsCodes) put(c, (rng.yuan(2_000, 300_000) * BigInt(scale)) / 1n);
  if (rng.chance(0.7)) put('30217', rng.yuan(3_000, 60_000));
  if (rng.chance(0.3)) put('30212', rng.yuan(20_000, 200_000));
  if (rng.chance(0.5)) put('30231', rng.yuan(10_000, 150_000));
  if (rng.chance(0.3)) put('31002', rng.yuan(10_000, 300_000));
  const economic: EconomicItem[] = [...eco.entries()]
    .filter(([code]) => ECONOMIC_NAMES[code] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, amount]) => ({ code, amount, kind: code.startsWith('301') || code.startsWith('303') ? 'personnel' : 'public' }));
  const ecoOf = (code: string): bigint => eco.get(code) ?? 0n;

  // Functional items. Personnel items mirror the economic codes (30108 = 2080505, …).
  const items = new Map<string, FunctionalItem>();
  const add = (code: string, fund: FunctionalItem['fund'], basicApp: bigint, projectApp: bigint, purpose: string): void => {
    if (basicApp + projectApp <= 0n || FUNCTIONAL_NAMES[code] === undefined) return;
    const prev = items.get(code);
    items.set(code, {
      code,
      fund,
      basicApp: (prev?.basicApp ?? 0n) + basicApp,
      projectApp: (prev?.projectApp ?? 0n) + projectApp,
      carried: 0n,
      other: prev?.other ?? [],
      purpose: prev?.purpose ?? purpose,
    });
  };
  add('2080505', 'general', ecoOf('30108'), 0n, '机关事业单位工作人员基本养老保险缴费支出');
  add('2080506', 'general', ecoOf('30109'), 0n, '机关事业单位工作人员职业年金缴费支出');
  const medical = ecoOf('30110') + ecoOf('30111');
  if (hasInstitution) {
    const [a, b] = rng.split(medical, 2, 1n);
    add('2101101', 'general', a!, 0n, '行政单位工作人员医疗保险费用支出');
    add('2101102', 'general', b!, 0n, '事业单位工作人员医疗保险费用支出');
  } else add('2101101', 'general', medical, 0n, '行政单位工作人员医疗保险费用支出');
  add('2210201', 'general', ecoOf('30113'), 0n, '按规定为工作人员缴纳的住房公积金支出');
  const pensions = ecoOf('30301') + ecoOf('30302');
  if (hasInstitution && pensions > 1n) {
    const [a, b] = rng.split(pensions, 2, 1n);
    add('2080501', 'general', a!, 0n, '归口管理的行政单位离退休人员费用支出');
    add('2080502', 'general', b!, 0n, '归口管理的事业单位离退休人员费用支出');
  } else add('2080501', 'general', pensions, 0n, '归口管理的行政单位离退休人员费用支出');

  const ecoTotal = economic.reduce((s, e) => s + e.amount, 0n);
  const fixed = [...items.values()].reduce((s, i) => s + i.basicApp, 0n);
  const rest = ecoTotal - fixed;
  const main = archetype.main;
  const runningCodes = [`${main}01`, ...(hasInstitution && FUNCTIONAL_NAMES[`${main}50`] ? [`${main}50`] : [])];
  const withHousing = rng.chance(0.3);
  const restParts = rng.split(rest, runningCodes.length + (withHousing ? 1 : 0), 1n);
  runningCodes.forEach((c, i) => add(c, 'general', restParts[i]!, 0n, PURPOSES[0]!));
  if (withHousing) add(rng.pick(['2210202', '2210203']), 'general', restParts[runningCodes.length]!, 0n, '按规定发放的住房补贴支出');

  // Projects: the department's own plus a few others; at most one 政府性基金 item.
  const projectScale = BigInt(scale) * BigInt(rng.pick([1, 2, 5]));
  const own = rng.sample(archetype.projects, rng.int(1, archetype.projects.length));
  const extra = rng.sample(EXTRA_PROJECTS, options.extraProjects ?? rng.int(0, 3));
  for (const code of [...own, ...extra]) add(code, 'general', 0n, rng.yuan(50_000, 3_000_000) * projectScale, rng.pick(PURPOSES.slice(1)));
  if (runningCodes.includes(`${main}50`) && rng.chance(0.5)) add(`${main}50`, 'general', 0n, rng.yuan(100_000, 2_000_000), PURPOSES[1]!);
  if (rng.chance(0.25)) {
    const code = rng.pick(GOVFUND_ITEMS.filter((c) => !items.has(c)));
    add(code, 'govfund', 0n, rng.yuan(500_000, 30_000_000) * BigInt(scale), '城乡社区公共设施建设和维护支出');
  }

  // Other income sources on some project items (and on 事业运行 when a 事业单位 exists).
  if (rng.chance(0.35)) {
    const pool: OtherSource[] = ['其他收入', '财政专项资金', '非同级财政拨款收入', '自筹资金', ...(hasInstitution ? (['事业收入', '事业单位经营收入'] as const) : [])];
    const sources = rng.sample(pool, rng.int(1, 2));
    const targets = rng.sample([...items.values()].filter((i) => i.projectApp > 0n && i.fund === 'general'), rng.int(1, 2));
    for (const t of targets) {
      items.set(t.code, { ...t, other: sources.map((source) => ({ source, basic: 0n, project: rng.yuan(10_000, 2_000_000) })) });
    }
    const running = items.get(`${main}50`);
    if (running && hasInstitution && rng.chance(0.5)) {
      items.set(running.code, { ...running, other: [{ source: '事业收入', basic: rng.yuan(100_000, 1_000_000), project: 0n }] });
    }
  }

  let itemList = [...items.values()].sort((a, b) => (a.code < b.code ? -1 : 1));

  // 三公 and 机关运行经费 (T9, 万元): each 三公 part covers its T8 line (T8 holds only 基本支出).
  const publicTotal = economic.filter((e) => e.kind === 'public').reduce((s, e) => s + e.amount, 0n);
  const cover = (code: string, p: number): bigint => {
    const v = ecoOf(code);
    if (v > 0n) return ceil100(v) + (rng.chance(0.5) ? rng.yuan(0, 300) * 100n : 0n);
    return rng.chance(p) ? rng.yuan(10, 800) * 100n : 0n;
  };
  const allAdministrative = units.every((u) => u.kind !== '事业');
  const sanGong: SanGong = {
    abroad: cover('30212', 0.2),
    reception: cover('30217', 0.5),
    carRunning: cover('30231', 0.3),
    carPurchase: rng.chance(0.15) ? rng.yuan(1_000, 3_000) * 100n : 0n,
    operating: allAdministrative ? round100(publicTotal) : (publicTotal * BigInt(rng.int(50, 95))) / 10_000n * 100n,
  };

  const income = itemList.reduce((s, i) => s + i.basicApp + i.projectApp + i.other.reduce((t, o) => t + o.basic + o.project, 0n), 0n);
  const appropriation = itemList.reduce((s, i) => s + i.basicApp + i.projectApp, 0n);
  const govfund = itemList.filter((i) => i.fund === 'govfund').reduce((s, i) => s + i.basicApp + i.projectApp, 0n);
  const drift = (v: bigint): bigint => (rng.chance(0.15) ? v : (v * BigInt(rng.int(700, 1300))) / 1000n);
  const drift100 = (v: bigint): bigint => (rng.chance(0.3) ? v : (drift(v) / 100n) * 100n);
  // last year's figures per fund, so every derived previous figure is non-negative
  const previousGovfund = govfund === 0n && rng.chance(0.8) ? 0n : drift(govfund);
  const previousGeneral = drift(appropriation - govfund);
  const previousAppropriation = previousGeneral + previousGovfund;

  const services = rng.chance(0.8) ? rng.yuan(10, 5_000) * 10_000n : 0n;
  const goods = rng.chance(0.5) ? rng.yuan(10, 3_000) * 10_000n : 0n;
  const works = rng.chance(0.2) ? rng.yuan(10, 3_000) * 10_000n : 0n;
  const procurementTotal = goods + works + services;
  const reserved = (procurementTotal * BigInt(rng.int(0, 100))) / 10_000n * 100n;
  const smallMicro = (reserved * BigInt(rng.int(0, 100))) / 10_000n * 100n;

  // Drawn from a stream of their own, so that adding them left every earlier draw (and document) as it was.
  const history = new Rng(seed * 2 + 1);
  const itemHistory = history.chance(0.5);
  const previousItems: Record<string, bigint> = {};
  for (const i of itemList) previousItems[i.code] = previousExecuted(i.basicApp + i.projectApp, history);

  // The layout, again from a stream of its own: a Shanghai document of a seed stays as it was.
  const layout = new Rng(Math.imul(seed ^ 0x6d6f66, 0x9e3779b1));
  let names = { region, department, units: units as readonly BudgetUnit[] };
  let mof: MofStyle | undefined;
  if (layout.chance(MOF_SHARE)) {
    mof = { unit: '元', tablesFirst: layout.chance(0.7), totalFirst: layout.chance(0.8), yearInTitles: layout.chance(0.4), operatingColumn: layout.chance(0.5) };
    names = relocated(names, layout.pick(MOF_REGIONS));
    if (layout.chance(CARRY_SHARE)) itemList = withCarryOver(itemList, layout);
    // not when a 类 holds both funds: the narrative check compares its amount with T5 + T6 as printed,
    // each rounded on its own, as if exact (reported: seed 1591, 212 城乡社区支出 4101.19 vs 4101.18)
    if (layout.chance(WAN_SHARE) && !fundsShareAClass(itemList)) mof = { ...mof, unit: '万元' };
    // other sources' money carried over, from a stream of its own (every earlier draw stays as it was)
    const carry = new Rng(Math.imul(seed ^ 0x636172, 0x85ebca6b));
    if (carry.chance(OTHER_CARRY_SHARE)) itemList = withOtherCarryOver(itemList, carry);
    // money left for next year (年终结转结余), from a stream of its own too
    const left = new Rng(Math.imul(seed ^ 0x6c656674, 0x1b873593));
    if (left.chance(RETAINED_SHARE)) itemList = withRetained(itemList, left);
  }
  // 绩效目标 forms in four documents of ten (a stream of their own too): one per item with project money,
  // after the carry-over, which the forms show as 上年结转资金
  const forms = new Rng(seed * 3 + 2);
  const drawnForms = forms.chance(0.4) ? itemList.filter((i) => projectMoney(i) > 0n).map((i, k, all) => targetForm(i, forms, all)) : [];
  // half of the forms with a 项目经费情况说明 block before them (a stream of their own too)
  const plans = new Rng(Math.imul(seed ^ 0x706c616e, 0xcc9e2d51));
  const targetForms = drawnForms.map((f) => (f.year >= 100_000n && plans.chance(0.5) ? { ...f, plan: projectPlan(f.year, plans) } : f));

  return {
    seed,
    ...names,
    year,
    items: itemList,
    economic,
    sanGong,
    previous: {
      income: previousAppropriation + (income - appropriation),
      appropriation: previousAppropriation,
      general: previousGeneral,
      govfund: previousGovfund,
      sanGong: {
        abroad: drift100(sanGong.abroad),
        reception: drift100(sanGong.reception),
        carPurchase: drift100(sanGong.carPurchase),
        carRunning: drift100(sanGong.carRunning),
        operating: drift100(sanGong.operating),
      },
      items: previousItems,
    },
    procurement: { goods, works, services, reserved, smallMicro },
    projectsWithTargets: itemList.filter((i) => i.projectApp > 0n).length + rng.int(0, 5),
    targetForms,
    vehicles: rng.int(0, 6),
    style: { wan: rng.chance(0.5) ? 'trim' : 'fixed2', codes: rng.chance(0.7) ? 'words' : 'numbers', pageRows: rng.int(10, 30), itemHistory, narrative: narrativeStyle(seed), ...(mof ? { mof } : {}) },
  };
}

/** True when a 类 has items of both funds (general and 政府性基金). */
function fundsShareAClass(items: readonly FunctionalItem[]): boolean {
  const govfund = new Set(items.filter((i) => i.fund === 'govfund').map((i) => i.code.slice(0, 3)));
  return items.some((i) => i.fund === 'general' && govfund.has(i.code.slice(0, 3)));
}

/** The department and its units renamed into another district (their names start with the district). */
function relocated(names: { region: string; department: string; units: readonly BudgetUnit[] }, region: string): { region: string; department: string; units: readonly BudgetUnit[] } {
  const move = (s: string): string => (s.startsWith(names.region) ? region + s.slice(names.region.length) : s);
  return { region, department: move(names.department), units: names.units.map((u) => ({ ...u, name: move(u.name) })) };
}

/**
 * One or two project items of which 10–60 % of the 财政拨款 is last year's money carried over (上年结转):
 * the amounts spent stay the same, so only the split of income between this year and last year moves.
 */
function withCarryOver(items: readonly FunctionalItem[], rng: Rng): FunctionalItem[] {
  const projects = items.filter((i) => i.projectApp >= 100n);
  const chosen = new Set(rng.sample(projects, rng.int(1, 2)).map((i) => i.code));
  return items.map((i) => (chosen.has(i.code) ? { ...i, carried: (i.projectApp * BigInt(rng.int(10, 60))) / 100n } : i));
}

/**
 * One item whose project money from another source is 10–60 % last year's (上年结转结余 that is not
 * 财政拨款): what it spends stays the same; the MoF summary tables move that part from this year's income
 * of the source to 上年结转结余.
 */
function withOtherCarryOver(items: readonly FunctionalItem[], rng: Rng): FunctionalItem[] {
  const candidates = items.flatMap((i) => i.other.filter((o) => o.project >= 100n).map((o) => ({ code: i.code, source: o.source, project: o.project })));
  if (candidates.length === 0) return [...items];
  const c = rng.pick(candidates);
  const amount = (c.project * BigInt(rng.int(10, 60))) / 100n;
  return items.map((i) => (i.code === c.code ? { ...i, otherCarried: { source: c.source, amount } } : i));
}

/**
 * One item that leaves 10–50 % of another source's project money for next year (年终结转结余): its
 * income stays, its spending (and its form's year money) is less by that much.
 */
function withRetained(items: readonly FunctionalItem[], rng: Rng): FunctionalItem[] {
  const candidates = items.filter((i) => i.other.some((o) => o.project >= 100n));
  if (candidates.length === 0) return [...items];
  const chosen = rng.pick(candidates);
  const most = chosen.other.reduce((m, o) => (o.project > m ? o.project : m), 0n);
  const retained = (most * BigInt(rng.int(10, 50))) / 100n;
  return items.map((i) => (i === chosen ? { ...i, retained } : i));
}

/**
 * Last year's 执行数 of an item of `amount` 元 this year: the same (15 %), none (new this year, 5 %),
 * or 70–130 % of it but at least 1 % away, so that a stated percentage never rounds to 0.00 %.
 */
function previousExecuted(amount: bigint, rng: Rng): bigint {
  if (rng.chance(0.15)) return amount;
  if (rng.chance(0.05)) return 0n;
  const permille = rng.chance(0.5) ? rng.int(700, 990) : rng.int(1010, 1300);
  return (amount * BigInt(permille)) / 1000n;
}

/** What a project's year money 包括, as district documents list it (no economic classification's names). */
const PLAN_PARTS = ['前期准备', '组织实施', '宣传推广', '评估验收', '管理费', '待安排资金'];

/** The 年度预算安排 of a project of `year` 元: four quarters, or two to four parts it 包括, each at least 1万元. */
function projectPlan(year: bigint, rng: Rng): ProjectPlan {
  if (rng.chance(0.5)) return { kind: 'quarters', parts: rng.split(year, 4, 10_000n).map((amount, q) => ({ label: `第${'一二三四'[q]}季度`, amount })) };
  const labels = rng.sample(PLAN_PARTS, rng.int(2, 4));
  return { kind: 'includes', parts: rng.split(year, labels.length, 10_000n).map((amount, k) => ({ label: labels[k]!, amount })) };
}

/** Parts of one project as the 2025 commerce document lists them. */
const PROJECT_PARTS = ['支持引进品牌集聚', '支持打造示范地标', '支持促消费提质提升', '支持商业数字化创新', '支持商业综合服务能力提升', '支持信息化平台运维', '支持专项课题研究'];

/**
 * The narrative's wording, from a stream of its own (neither the amounts' nor `itemHistory`'s draws
 * move). Each choice keeps the seed's wording (比上年预算, 万元, "；", no percentage, …) with a fair
 * chance, so part of the documents read as before.
 */
function narrativeStyle(seed: number): NarrativeStyle {
  const rng = new Rng(seed * 4 + 3);
  return {
    yoy: rng.pick(['prior', 'prior', 'plain', 'versus', 'year', 'yearNote', 'tongbi', 'executed'] as const),
    totalChange: rng.chance(0.7),
    yoyPercent: rng.pick([null, 1, 2] as const),
    percentWords: rng.pick(['growth', 'growth', 'change', 'rate'] as const),
    percentBrackets: rng.chance(0.2),
    shares: rng.chance(0.2),
    percentSpace: rng.chance(0.1),
    totals: rng.pick(['wan', 'wan', 'whole', 'yi', 'yuan'] as const),
    thousands: rng.chance(0.25),
    partSep: rng.pick(['；', '、', '，'] as const),
    sourceOrder: rng.chance(0.5) ? OTHER_SOURCES : rng.shuffle(OTHER_SOURCES),
    zeroSources: rng.chance(0.3),
    sanGongParts: rng.chance(0.7) ? 'paragraphs' : 'inline',
    sanGongOrder: rng.chance(0.5) ? ['abroad', 'car', 'reception'] : rng.shuffle(['abroad', 'car', 'reception'] as const),
    reasons: rng.chance(0.5),
    numbering: rng.chance(0.7) ? '（一）' : '（一）、',
    operatingChange: rng.chance(0.5),
    itemLabel: rng.pick(['brackets', 'brackets', 'dashes', 'compact'] as const),
    itemQuotes: rng.chance(0.8),
    yearDu: rng.chance(0.3),
    itemReasons: rng.chance(0.4),
    changeAfterPeriod: rng.chance(0.2),
    operatingSubject: rng.chance(0.7) ? 'units' : 'department',
    assets: rng.chance(0.3)
      ? {
          current: rng.yuan(1_000, 90_000) * 100n,
          fixed: rng.yuan(10_000, 500_000) * 100n,
          floorArea: rng.yuan(100_000, 2_000_000),
          devices: rng.int(0, 900),
          construction: rng.chance(0.3) ? rng.yuan(10_000, 2_000_000) * 100n : 0n,
          intangibles: rng.int(0, 500),
          intangible: rng.yuan(0, 50_000) * 100n,
        }
      : null,
    vehicleList: rng.chance(0.3),
    quarterly: rng.chance(0.2) ? Array.from({ length: 4 }, () => rng.yuan(1_000, 200_000) * 100n) : null,
    previousStated: rng.chance(0.2),
    fromPrinted: rng.chance(0.3),
    govfundFirst: rng.chance(0.3),
    itemParts: rng.chance(0.3),
    itemChanges: rng.chance(0.3),
    appropriationFunds: rng.chance(0.25),
    spendingKinds: rng.chance(0.4),
    basicKinds: rng.chance(0.4),
    itemHistoryShown: rng.chance(0.7),
    mixedBrackets: rng.chance(0.15),
    carPartsInline: rng.chance(0.3),
    carNames: rng.pick(['maintenance', 'maintenance', 'running', 'bare'] as const),
    percentFirst: rng.chance(0.15),
    changeWords: rng.chance(0.8) ? 'zengjia' : 'zengzhang',
    procurementShares: rng.chance(0.3),
    kindShares: kindShares(seed),
    // each name: the seed's half the time, else any of the list
    names: {
      income: nameOf(rng, NARRATIVE_NAMES.income),
      appropriationIncome: nameOf(rng, NARRATIVE_NAMES.appropriationIncome),
      spending: nameOf(rng, NARRATIVE_NAMES.spending),
      general: nameOf(rng, NARRATIVE_NAMES.general),
      govfund: nameOf(rng, NARRATIVE_NAMES.govfund),
      sanGong: nameOf(rng, NARRATIVE_NAMES.sanGong),
      abroad: nameOf(rng, NARRATIVE_NAMES.abroad),
      car: nameOf(rng, NARRATIVE_NAMES.car),
      reception: nameOf(rng, NARRATIVE_NAMES.reception),
    },
    projectParts: rng.chance(0.3) ? { parts: rng.sample(PROJECT_PARTS, rng.int(2, 5)).map((name) => ({ name, amount: rng.yuan(1, 1_000) * 10_000n })) } : null,
    // drawn last: every earlier choice of a seed stays as it was
    yiChanges: rng.chance(0.4),
  };
}

/**
 * The kindShares wording, from a stream of its own: the draws of narrativeStyle (and so every other
 * wording of a seed's document) stay as they were.
 */
function kindShares(seed: number): NarrativeStyle['kindShares'] {
  const rng = new Rng(seed * 5 + 4);
  if (!rng.chance(0.5)) return null;
  return { words: rng.pick(['zhanbi', 'of', 'suozhan', 'bare'] as const), decimals: rng.pick([1, 2] as const), items: rng.chance(0.5) };
}

function nameOf<T>(rng: Rng, names: readonly T[]): T {
  return rng.chance(0.5) ? names[0]! : rng.pick(names);
}

/** Names of projects with 绩效目标 forms (as short as real ones: a form prints the name in one cell). */
const PROJECT_NAMES = ['社区服务中心运行', '信息化系统运维', '宣传培训经费', '专项调研经费', '公共服务设施运行经费', '业务工作专项经费', '环境整治经费', '就业援助补贴', '社区活动经费', '法律援助经费', '产业发展扶持资金', '委托业务经费', '安全生产专项经费'];

/** An item's 项目支出 from every source (元): what it spends, so without money left for next year. */
function projectMoney(i: FunctionalItem): bigint {
  return i.projectApp + i.other.reduce((t, o) => t + o.project, 0n) - (i.retained ?? 0n);
}

/**
 * The 绩效目标 form of an item's project: this year's money is the item's 项目支出 (this year's 财政拨款,
 * the 财政拨款 carried over from last year, other sources); a 阶段性项目 runs two or three years at the
 * same money each year.
 */
function targetForm(i: FunctionalItem, rng: Rng, all: readonly FunctionalItem[]): TargetForm {
  const year = projectMoney(i);
  const other = year - i.projectApp;
  const years = rng.chance(0.3) ? BigInt(rng.int(2, 3)) : 1n;
  // a short name of the kind projects have, numbered where two items draw the same one
  const name = PROJECT_NAMES[Number(i.code.slice(3)) % PROJECT_NAMES.length]!;
  const nth = all.filter((o) => PROJECT_NAMES[Number(o.code.slice(3)) % PROJECT_NAMES.length] === name).indexOf(i);
  return {
    project: `${name}${nth > 0 ? `（${'一二三四五六七八九十'[nth]}）` : ''}`,
    nature: years > 1n ? '阶段性项目' : '经常性项目',
    total: year * years,
    totalOther: other * years,
    year,
    appropriation: i.projectApp - i.carried,
    carriedOver: i.carried,
    other,
  };
}
