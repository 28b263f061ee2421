import type { CheckContext, CheckModule, Report, Target } from '../engine/define-check.js';

/**
 * Most findings one rule lists for one document. Real documents have a few dozen per rule; a hostile
 * or machine-made one (a paragraph copied 20 000 times, 100 000 headings, several hundred documents
 * in one file) could otherwise produce hundreds of thousands, each located, fingerprinted and
 * written out. The findings past this bound are counted in one more finding, so nothing is dropped
 * silently and the report stays bounded.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** The message of the finding that counts a rule's findings past MAX_FINDINGS_PER_RULE. */
export const MORE_FINDINGS_MESSAGE = {
  moreFindings: {
    zh: '本规则另有 {count} 处问题未逐一列出（每份文件最多列出 {max} 处）',
    en: '{count} more findings of this rule are not listed one by one (at most {max} per document)',
  },
} as const;

/**
 * Wraps a check so that it reports at most MAX_FINDINGS_PER_RULE findings per document, then one
 * finding (instance "more", at the first finding not listed) with the count of the rest. Findings
 * past the bound get no rule instance of their own; they fail as part of that one. The count's
 * severity is info only when every finding it stands for was an info.
 */
export function withReportCap<O>(module: CheckModule<O>, max = MAX_FINDINGS_PER_RULE): CheckModule<O> {
  return {
    id: module.id,
    meta: { ...module.meta, messages: { ...module.meta.messages, ...MORE_FINDINGS_MESSAGE } },
    run(ctx: CheckContext<O>) {
      const capped = new CappedContext(ctx, max);
      module.run(capped);
      capped.finish();
    },
  };
}

/**
 * The context a capped check runs with: reports past the bound are counted, everything else goes
 * straight to the run's context. A class, so a run builds one object rather than a set of closures.
 */
class CappedContext<O> implements CheckContext<O> {
  readonly document: CheckContext<O>['document'];
  readonly options: O;
  readonly ruleId: string;
  readonly settings: CheckContext<O>['settings'];
  private listed = 0;
  private more = 0;
  private first: Target | undefined = undefined;
  private allInfo = true;

  constructor(
    private readonly ctx: CheckContext<O>,
    private readonly max: number,
  ) {
    this.document = ctx.document;
    this.options = ctx.options;
    this.ruleId = ctx.ruleId;
    this.settings = ctx.settings;
  }

  report(r: Report): void {
    if (this.listed < this.max) {
      this.listed++;
      this.ctx.report(r);
      return;
    }
    this.more++;
    this.first ??= r.at;
    if (r.severity !== 'info') this.allInfo = false;
  }

  pass(instance: string, at?: Target): void {
    this.ctx.pass(instance, at);
  }

  notApplicable(instance: string, reason: string): void {
    this.ctx.notApplicable(instance, reason);
  }

  notAssessable(instance: string, reason: string, at?: Target): void {
    this.ctx.notAssessable(instance, reason, at);
  }

  /** Reports the count of the findings past the bound, if any. */
  finish(): void {
    const { first, more, max, allInfo } = this;
    if (first) this.ctx.report({ instance: 'more', messageId: 'moreFindings', at: first, data: { count: more, max }, ...(allInfo ? { severity: 'info' as const } : {}) });
  }
}
