import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanForms } from '../../src/checks/performance/forms.js';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { projectPlans } from '../../src/narrative/project-plans.js';
import { parseBuffer } from '../../src/parsers/index.js';

/**
 * A project's 情况说明 block printed right after a 绩效目标 form, on the form's page (a district document
 * prints each project's block before its form): read from a PDF, its heading and text are paragraphs,
 * as from the text, not lines of the form above it; both forms are still read whole.
 */
const FORMS = readFileSync('fixtures/performance/forms-agree/input.txt', 'utf8');
const SECOND = FORMS.indexOf('财政项目支出绩效目标填报表', FORMS.indexOf('财政项目支出绩效目标填报表') + 1);
const BLOCK = ['社区活动经费情况说明', '', '一、项目概述', '', '社区活动用于保障本部门相关工作的正常开展。', '', '二、年度预算安排', '', '第一季度用款计划10.00万元，第二季度用款计划20.00万元，第三季度用款计划10.00万元，第四季度用款计划10.00万元。', '', ''].join('\n');
const TEXT = FORMS.slice(0, SECOND) + BLOCK + FORMS.slice(SECOND);

describe('a project block between two forms in a PDF', () => {
  it('reads the block as paragraphs and both forms whole, as from the text', async () => {
    const fromText = await parseBuffer(new TextEncoder().encode(TEXT), 'block.txt');
    const fromPdf = await parseBuffer(textToPdf(TEXT), 'block.pdf');
    const paragraphs = (d: typeof fromText): string[] => d.paragraphs.filter((p) => /情况说明|项目概述|预算安排|用款计划|保障本部门/.test(p.text)).map((p) => `${p.kind}|${p.text}`);
    expect(paragraphs(fromText)).toContain('heading|社区活动经费情况说明');
    expect(paragraphs(fromPdf)).toEqual(paragraphs(fromText));
    const forms = (d: typeof fromText): unknown[] => scanForms(d).forms.map((f) => [f.project, f.entries.length, f.problems]);
    expect(forms(fromPdf)).toEqual(forms(fromText));
    expect(projectPlans(fromPdf).map((p) => [p.kind, p.name, p.parts.length])).toEqual([['quarters', '社区活动', 4]]);
  });

  it('goes on past a form row whose one cell ends in 项目情况说明 (followed by the form\'s next row, not by text)', async () => {
    const text = FORMS.replace('一级指标\t二级指标', '按期提交项目情况说明\t\t\t\n一级指标\t二级指标');
    const fromText = await parseBuffer(new TextEncoder().encode(text), 'cell.txt');
    const fromPdf = await parseBuffer(textToPdf(text), 'cell.pdf');
    const forms = (d: typeof fromText): unknown[] => scanForms(d).forms.map((f) => [f.project, f.entries.length, f.problems]);
    expect(forms(fromPdf)).toEqual(forms(fromText));
    expect(fromPdf.paragraphs.filter((p) => /项目情况说明|一级指标|满意度/.test(p.text)).map((p) => p.text)).toEqual([]);
  });
});
