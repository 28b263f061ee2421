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
      let listed = 0;
      let more = 0;
      let first: Target | undefined;
      let allInfo = true;
      const capped: CheckContext<O> = {
        document: ctx.document,
        options: ctx.options,
        ruleId: ctx.ruleId,
        settings: ctx.settings,
        report(r: Report) {
          if (listed < max) {
            listed++;
            ctx.report(r);
            return;
          }
          more++;
          first ??= r.at;
          if (r.severity !== 'info') allInfo = false;
        },
        pass: (instance, at) => ctx.pass(instance, at),
        notApplicable: (instance, reason) => ctx.notApplicable(instance, reason),
        notAssessable: (instance, reason, at) => ctx.notAssessable(instance, reason, at),
      };
      module.run(capped);
      if (first) ctx.report({ instance: 'more', messageId: 'moreFindings', at: first, data: { count: more, max }, ...(allInfo ? { severity: 'info' as const } : {}) });
    },
  };
}
