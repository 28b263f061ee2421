import { defineCheck } from '../../engine/define-check.js';
import { analyzeNarrative } from '../../narrative/analysis.js';
import { MAX_AMOUNTS_PER_PARAGRAPH } from '../../narrative/statements.js';
import { numberTarget } from './targets.js';

/**
 * Lists every narrative amount that could not be linked to a table value, with its sentence, so
 * nothing is silently dropped (issue 4). An information, not an error: many such amounts (limits,
 * asset purchases, project breakdowns) restate nothing in the nine tables.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-unlinked',
  meta: {
    description: { zh: '列出无法与表格数值对应的说明金额', en: 'Lists narrative amounts that no table value could be linked to' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      unlinked: {
        zh: '金额{text}未能与表中数值对应（{reason}），未核对：{sentence}',
        en: 'The amount {text} could not be linked to a table value ({reason}) and was not checked: {sentence}',
      },
      unread: {
        zh: '本段金额超过{max}个，只读取了前{max}个；自{text}起的其余金额未核对（正常的说明段落只有几个金额）',
        en: 'This paragraph holds more than {max} amounts: only the first {max} were read, and the rest, from {text} on, were not checked (a narrative paragraph holds a few)',
      },
    },
  },
  run(ctx) {
    const { levels, unread } = analyzeNarrative(ctx.document);
    let any = false;
    for (const u of unread) {
      any = true;
      ctx.report({
        instance: `unread:p${u.paragraphIndex}`,
        messageId: 'unread',
        at: { paragraph: u.paragraph, offset: u.offset, length: u.length },
        data: { max: MAX_AMOUNTS_PER_PARAGRAPH, text: u.paragraph.text.slice(u.offset, u.offset + u.length) },
      });
    }
    for (const l of levels) {
      if (l.link.kind !== 'unlinked') continue;
      any = true;
      const s = l.statement;
      ctx.report({
        instance: l.instance,
        messageId: 'unlinked',
        at: numberTarget(s),
        data: { text: s.paragraph.text.slice(s.token.offset, s.token.offset + s.token.length), reason: l.link.reason, sentence: s.sentence },
      });
    }
    if (!any) ctx.notApplicable('narrative', 'every narrative amount is linked');
  },
});
