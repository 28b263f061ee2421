/**
 * The abstract content of a generated budget document, before rendering. Every amount is whole 元
 * (bigint) except the 三公 table, which is printed in 万元 and is held here as 元 multiples of 100.
 */

/** Appropriation fund of a functional item's 财政拨款 money. */
export type Fund = 'general' | 'govfund';

/** Non-appropriation income sources (T2 columns after 财政拨款收入). */
export const OTHER_SOURCES = ['事业收入', '事业单位经营收入', '其他收入', '财政专项资金', '非同级财政拨款收入', '自筹资金'] as const;
export type OtherSource = (typeof OTHER_SOURCES)[number];

/** One functional 项 with its money split by fund and by 基本/项目. */
export interface FunctionalItem {
  readonly code: string;
  readonly fund: Fund;
  /** 财政拨款 (of `fund`) for 基本支出 and 项目支出. */
  readonly basicApp: bigint;
  readonly projectApp: bigint;
  /**
   * The part of `projectApp` that is last year's appropriation carried over (上年结转) rather than this
   * year's: spent this year like the rest (T5/T6 hold it), but an income line of its own in the MoF
   * layout's summary tables and a column of its own in its 收入总表. Always 0 in the Shanghai layout.
   */
  readonly carried: bigint;
  /**
   * The part of one other source's 项目 money that is last year's, carried over (事业收入 and the like
   * not spent last year): income of last year in the MoF summary tables (T1 and T2 上年结转结余), not
   * 财政拨款 (T4 二、上年结转 stays as it was). Absent in most items and always in the Shanghai layout.
   */
  readonly otherCarried?: { readonly source: OtherSource; readonly amount: bigint };
  /**
   * Other sources' 项目 money received but left for next year (年终结转结余; MoF layout): income in T2 and
   * T1, not spending in T3, T1's expense lines or the forms. Absent in most items.
   */
  readonly retained?: bigint;
  /** Other income sources: 基本 and 项目 parts per source. */
  readonly other: ReadonlyArray<{ readonly source: OtherSource; readonly basic: bigint; readonly project: bigint }>;
  /** What the money is for, for the narrative ("主要用于…"). */
  readonly purpose: string;
}

export interface EconomicItem {
  readonly code: string;
  readonly amount: bigint;
  /** 人员经费 (301, 303) or 公用经费 (302, 310). */
  readonly kind: 'personnel' | 'public';
}

export type UnitKind = '行政' | '参公' | '事业';

export interface BudgetUnit {
  readonly name: string;
  readonly kind: UnitKind;
}

/** The 三公 table in 元 (each a multiple of 100 元 so that it prints exactly in 万元). */
export interface SanGong {
  readonly abroad: bigint;
  readonly reception: bigint;
  readonly carPurchase: bigint;
  readonly carRunning: bigint;
  /** 机关运行经费. */
  readonly operating: bigint;
}

export interface GeneratedBudget {
  readonly seed: number;
  readonly region: string;
  readonly department: string;
  readonly year: number;
  readonly units: readonly BudgetUnit[];
  readonly items: readonly FunctionalItem[];
  readonly economic: readonly EconomicItem[];
  readonly sanGong: SanGong;
  /** Previous-year figures for year-on-year sentences (元; 三公 in 元 multiples of 100). */
  readonly previous: {
    readonly income: bigint;
    readonly appropriation: bigint;
    readonly general: bigint;
    readonly govfund: bigint;
    readonly sanGong: SanGong;
    /** Last year's 执行数 of each 项's 财政拨款, by code (0 for an item new this year). */
    readonly items: Readonly<Record<string, bigint>>;
  };
  /** 政府采购 in 元 multiples of 100: goods + works + services; reserved for SMEs ≤ total; small/micro ≤ reserved. */
  readonly procurement: { readonly goods: bigint; readonly works: bigint; readonly services: bigint; readonly reserved: bigint; readonly smallMicro: bigint };
  /**
   * Number of projects with performance targets, as the narrative states it when the document prints
   * no 绩效目标 forms (with forms, it states their number).
   */
  readonly projectsWithTargets: number;
  /** The 绩效目标 forms printed at the end of the document, one per project (none: not printed). */
  readonly targetForms: readonly TargetForm[];
  readonly vehicles: number;
  /**
   * Narrative style choices. `itemHistory`: each 项 in a paragraph of its own with last year's 执行数,
   * this year's amount restated and the change ("2024年当年预算执行数为…，2025年预算安排…，比2024年预算
   * 执行数增长12.34%"), as district documents write it, instead of the 类/款 sentences listing their 项.
   */
  readonly style: {
    readonly wan: 'fixed2' | 'trim';
    readonly codes: 'words' | 'numbers';
    readonly pageRows: number;
    readonly itemHistory: boolean;
    /** How the narrative words what it restates (drawn per document). */
    readonly narrative: NarrativeStyle;
    /** Present when the document is printed in the Ministry of Finance layout (render-mof.ts); else the Shanghai one. */
    readonly mof?: MofStyle;
  };
}

/**
 * How a document in the Ministry of Finance layout is printed (fixtures/cross/mof-layout-consistent is
 * the model): tables before the narrative (第二部分 部门预算表) or after it; the 合计 row of the code
 * tables first or last; table titles with or without the year; whether the 三公 table has a
 * 机关运行经费 column (many MoF-layout documents state 机关运行经费 in the text only); and the unit of the
 * other tables: 元, or 万元 with two decimals, each figure rounded on its own (so a total may differ from
 * the sum of its printed parts by rounding, which the rules must take for rounding).
 */
export interface MofStyle {
  readonly unit: '元' | '万元';
  readonly tablesFirst: boolean;
  readonly totalFirst: boolean;
  readonly yearInTitles: boolean;
  readonly operatingColumn: boolean;
}

/** Names of restated amounts as documents write them (DOMAIN.md §5, the corpus, district documents). */
export const NARRATIVE_NAMES = {
  income: ['收入预算', '收入总预算', '收入预算总额为'],
  appropriationIncome: ['财政拨款收入', '财政拨款'],
  spending: ['支出预算', '支出总预算'],
  general: ['一般公共预算拨款支出预算', '一般公共预算财政拨款支出预算', '一般公共预算支出'],
  govfund: ['政府性基金预算拨款支出预算', '政府性基金拨款支出预算'],
  sanGong: ['“三公”经费预算数为', '“三公”经费预算为', '“三公”经费财政拨款预算为', '三公经费预算数为'],
  abroad: ['因公出国（境）费', '因公出国(境)费', '因公出国（境）经费'],
  car: ['公务用车购置及运行费', '公务用车购置及运行维护费', '公务车购置及运行费'],
  reception: ['公务接待费', '公务接待经费'],
} as const;

/**
 * How the narrative words what it restates, as real documents vary it (DOMAIN.md §5, the corpus).
 * Drawn from a stream of its own, so that every table and amount of a seed stays as it was.
 */
export interface NarrativeStyle {
  /** With totals in 亿元 (`totals: 'yi'`), their changes in 亿元 too ("比上年增加0.12亿元"); else in 万元, as most documents print them. */
  readonly yiChanges: boolean;
  /**
   * How a comparison names last year: "比上年预算" ('prior'), "较上年预算" ('versus'), "比2024年预算"
   * ('year'), "比2024年（上一年度，下同）预算" the first time and "比2024年预算" after ('yearNote'),
   * "同比" ('tongbi'), "比2024年预算执行数" ('executed'), "比上年" ('plain', "与上年持平"). "持平" follows its own wording: "与上年预算持平",
   * "比2024年预算持平", "同比持平", "比2024年预算执行数持平".
   */
  readonly yoy: 'prior' | 'plain' | 'versus' | 'year' | 'yearNote' | 'tongbi' | 'executed';
  /** In the 类/款 layout, each 项 with its change against last year ("，比上年预算增加X万元"), inside the 款's list. */
  readonly itemChanges: boolean;
  /** Each 项's 财政拨款 split after it ("，其中：基本支出A万元，项目支出B万元"; the nonzero parts), as T5/T6 split it. */
  readonly itemParts: boolean;
  /** 一般公共预算 listed before 政府性基金 in "财政拨款支出预算中，…", or after it. */
  readonly govfundFirst: boolean;
  /** 财政拨款收入 followed by its funds in brackets ("（其中：一般公共预算拨款收入Y万元、政府性基金拨款收入Z万元）"). */
  readonly appropriationFunds: boolean;
  /** Sentences that split 支出预算 into 基本支出 and 项目支出 (T3), and 一般公共预算基本支出 into 人员经费 and 公用经费 (T8). */
  readonly spendingKinds: boolean;
  readonly basicKinds: boolean;
  /**
   * Changes and percentages computed from the printed 万元 figures (as a writer does in a 万元
   * spreadsheet) rather than from the 元 amounts: "1396.59 − 1300.00 = 96.59" where the 元 amounts
   * differ by 96.581万元, and "持平" where both years print the same.
   */
  readonly fromPrinted: boolean;
  /** Last year's amount stated before the change of totals, 三公 and 机关运行经费 ("上年预算为1300万元，比上年预算增加…"). */
  readonly previousStated: boolean;
  /** Whether the 收入预算 and 支出预算 totals say their own change (the corpus gives it on 财政拨款 only). */
  readonly totalChange: boolean;
  /** Decimals of a percentage after each change on totals, 三公 and 机关运行经费 ("，增长41.3%"); null: none. */
  readonly yoyPercent: 1 | 2 | null;
  /** Words of a percentage: 增长/下降 ('growth'), 增加/减少 ('change') or 增幅/降幅 ('rate'), and whether a space precedes "%". */
  readonly percentWords: 'growth' | 'change' | 'rate';
  /** The percentage after a comma ("，增长41.3%") or in brackets ("（增长41.3%）"). */
  readonly percentBrackets: boolean;
  /** 财政拨款 and its funds with their share of the total ("，占财政拨款支出预算的67.4%"; narrative/share-of-total). */
  readonly shares: boolean;
  readonly percentSpace: boolean;
  /** Figures of the 收入/支出 totals sentences: 万元 in the document's style, whole 万元, 亿元 (two decimals) from 1亿元 up, or exact 元. */
  readonly totals: 'wan' | 'whole' | 'yi' | 'yuan';
  /** Thousands separators in 万元 figures of 1000 and more ("37,151.47万元"), as the 2025 corpus prints them. */
  readonly thousands: boolean;
  /** Separator between the parts of a breakdown ("；", "、", "，"). */
  readonly partSep: '；' | '、' | '，';
  /** The order the other income sources are listed in, and whether the zero ones are listed ("事业收入0万元"). */
  readonly sourceOrder: readonly OtherSource[];
  readonly zeroSources: boolean;
  /** 三公: each part in a paragraph of its own, or all parts listed in the total's sentence in `sanGongOrder`. */
  readonly sanGongParts: 'paragraphs' | 'inline';
  readonly sanGongOrder: readonly ('abroad' | 'car' | 'reception')[];
  /** Each 三公 part's change followed by a reason ("，主要原因是…"). */
  readonly reasons: boolean;
  /** Numbering of the 三公 parts: "（一）" or "（一）、". */
  readonly numbering: '（一）' | '（一）、';
  /** 机关运行经费 with its change against last year. */
  readonly operatingChange: boolean;
  /** What the document calls the amounts it restates (one wording per document; the first of each list in NARRATIVE_NAMES is the seed's). */
  readonly names: { readonly [K in keyof typeof NARRATIVE_NAMES]: (typeof NARRATIVE_NAMES)[K][number] };
  /** Item labels of `itemHistory`: "“类（类）款（款）项（项）”", "“类-款-项”科目", or the 项's name with its compact code ("行政运行（2011301）"). */
  readonly itemLabel: 'brackets' | 'dashes' | 'compact';
  /** Whether `itemHistory` labels stand in quotes ("“…（项）”X万元") or bare ("…（项）X万元"). */
  readonly itemQuotes: boolean;
  /** "2025年度" for "2025年" in the 政府采购 and 绩效 sentences. */
  readonly yearDu: boolean;
  /**
   * `itemHistory` items end with a reason ("主要原因是：…经费增加。"), and an item new this year
   * states last year's 执行数 as 0 and its rise as 100.00 %, as the 2023 district document does.
   */
  readonly itemReasons: boolean;
  /**
   * `itemHistory` documents that give no history at all (each 项 with its amount and purpose only, as
   * the 2025 documents do), and labels whose brackets a writer mixed ("行政事业单位医疗（款)").
   */
  readonly itemHistoryShown: boolean;
  readonly mixedBrackets: boolean;
  /** The 公务用车 part's own parts after "，其中：" instead of "。其中：", and their names ("公务用车运行维护费", the corpus's "公务用车运行费", or bare "购置费"/"运行维护费"). */
  readonly carPartsInline: boolean;
  readonly carNames: 'maintenance' | 'running' | 'bare';
  /** The percentage before the change ("增长8.43%，增加96.58万元") instead of after it. */
  readonly percentFirst: boolean;
  /** Words of a change of amount: 增加/减少 or 增长/下降. */
  readonly changeWords: 'zengjia' | 'zengzhang';
  /** 政府采购's 预留 amounts with their shares ("，占…的40.5%"; narrative/share-of-total). */
  readonly procurementShares: boolean;
  /**
   * The parts of the spendingKinds and basicKinds sentences with their shares of the total (drawn from a
   * stream of their own: budget.ts kindShares), worded "，占比P%", "，占<total>的P%", "（所占比例为P%）" or
   * "，占P%", with 1 or 2 decimals; with `items`, each 类 (or lone 款) line of the Shanghai layout's items
   * also states its share of 财政拨款支出预算 ("“一般公共服务支出（类）”X万元，占财政拨款支出预算的P%，其中：…");
   * null: none.
   */
  readonly kindShares: null | { readonly words: 'zhanbi' | 'of' | 'suozhan' | 'bare'; readonly decimals: 1 | 2; readonly items: boolean };
  /** A 三公 part's change in a sentence of its own ("公务接待费1.00万元。与2024年预算持平，…"). */
  readonly changeAfterPeriod: boolean;
  /** 机关运行经费 said of "下属N家机关和M家参公事业单位" or of the department by name. */
  readonly operatingSubject: 'units' | 'department';
  /**
   * Paragraphs the corpus has and the tables do not restate (元, multiples of 100; null: none): assets
   * at the end of last year, the quarterly spending plan, one project's parts ("项目总预算1410.00万，
   * 其中支持…340.00万，…合计1410.00万").
   */
  readonly assets: null | { readonly current: bigint; readonly fixed: bigint; readonly floorArea: bigint; readonly devices: number; readonly construction: bigint; readonly intangibles: number; readonly intangible: bigint };
  readonly quarterly: null | readonly bigint[];
  /** Vehicles and equipment as the 2025 documents list them ("共有车辆N辆，其中：…用车0辆、…；单价100万元（含）以上设备（不含车辆）0台（套）"), and this year's purchases. */
  readonly vehicleList: boolean;
  readonly projectParts: null | { readonly parts: ReadonlyArray<{ readonly name: string; readonly amount: bigint }> };
}

/** One 财政项目支出绩效目标填报表: a project and its money (whole 元). */
export interface TargetForm {
  readonly project: string;
  /** 经常性项目 (one year: 项目资金总额 = 年度资金申请总额) or 阶段性项目 (several years). */
  readonly nature: '经常性项目' | '阶段性项目';
  /** 项目资金总额 over the project's years, and its part from other sources (the rest is 财政资金). */
  readonly total: bigint;
  readonly totalOther: bigint;
  /** 年度资金申请总额 and its parts: 当年财政拨款, 上年结转资金, 其他资金. */
  readonly year: bigint;
  readonly appropriation: bigint;
  readonly carriedOver: bigint;
  readonly other: bigint;
  /**
   * The 项目经费情况说明 block printed before the form, when there is one: its 年度预算安排 gives the
   * year's money (`year`) in parts only — the four quarters' 用款计划, or what it 包括 — as 万元 figures.
   */
  readonly plan?: ProjectPlan;
}

export interface ProjectPlan {
  readonly kind: 'quarters' | 'includes';
  /** The parts in 元 (each at least 1万元), adding up to the form's `year`; labels for 'includes'. */
  readonly parts: ReadonlyArray<{ readonly label: string; readonly amount: bigint }>;
}
