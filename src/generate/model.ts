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
}
