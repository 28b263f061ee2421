import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { defaultLinter } from '../support/lint.js';

/**
 * Forms that print the totals side by side and each block's parts on lines of their own, each list
 * opened by 其中 (fixtures/performance/parts-on-own-lines*): the same verdicts read from the text and
 * from the text printed to PDF (where the table columns are not known).
 */
function verdicts(r: DocumentResult): unknown {
  return {
    findings: r.diagnostics.filter((d) => d.ruleId === 'performance/form-parts').map((d) => [d.messageId, d.location.row, d.location.field, d.data['actual'], d.data['expected']]),
    outcomes: r.outcomes.filter((o) => o.ruleId === 'performance/form-parts').map((o) => [o.instance, o.status]),
  };
}

describe('each block\'s parts on lines of their own', () => {
  for (const [name, failing] of [['parts-on-own-lines', []], ['parts-on-own-lines-mismatch', [['partsMismatch', '社区活动', '年度资金总额', '500000.00', '450000.00']]]] as const) {
    it(`${name}: text and PDF agree`, async () => {
      const file = `fixtures/performance/${name}/input.txt`;
      const text = readFileSync(file);
      const fromText = verdicts(await defaultLinter().checkBuffer(text, file));
      const fromPdf = verdicts(await defaultLinter().checkBuffer(textToPdf(text.toString('utf8')), `${name}.pdf`));
      expect(fromText).toEqual({
        findings: failing,
        outcomes: [
          ['form-1/年度资金申请总额', 'pass'],
          ['form-1/项目资金总额', 'pass'],
          ['form-2/年度资金总额', failing.length > 0 ? 'fail' : 'pass'],
          ['form-2/项目资金总额', 'pass'],
        ],
      });
      expect(fromPdf).toEqual(fromText);
    }, 30_000);
  }
});
