import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanForms } from '../../src/checks/performance/forms.js';
import { textToPdf, type TextToPdfOptions } from '../../src/generate/render-pdf.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { joinWrappedNames } from '../../src/parsers/pdf/form-names.js';
import type { Fragment, PhysLine } from '../../src/parsers/pdf/geometry.js';

/**
 * A long project name wraps inside its cell of a 绩效目标 form, centred on the row: read from a PDF,
 * the name is the whole name, whether it has two lines (none beside the label), three or four, in the
 * first form (the table's header) or a later one; lines of other rows are never taken into it.
 */
const FORMS = readFileSync('fixtures/performance/forms-agree/input.txt', 'utf8');
const NAMES = [
  '社区服务中心运行及配套设施改造提升项目',
  '新建万里街道社区公共服务中心及配套设施改造提升工程二期建设项目',
  '新建万里街道社区公共服务中心及配套设施改造提升工程二期建设项目（含室外总体及绿化景观工程）',
];

describe('wrapped project names in PDF forms', () => {
  for (const options of [{}, { orientation: 'portrait' }, { nameEm: 6, maxRows: 8 }] satisfies TextToPdfOptions[]) {
    it(`names of two, three and four lines (${JSON.stringify(options)})`, async () => {
      for (const name of NAMES) {
        const text = FORMS.replace('项目名称\t社区服务中心运行', `项目名称\t${name}甲`).replace('项目名称\t社区活动', `项目名称\t${name}`);
        const fromText = scanForms(await parseBuffer(new TextEncoder().encode(text), 'long.txt')).forms.map((f) => f.project);
        const fromPdf = scanForms(await parseBuffer(textToPdf(text, options), 'long.pdf')).forms.map((f) => f.project);
        expect(fromText).toEqual([`${name}甲`, name]);
        expect(fromPdf).toEqual(fromText);
      }
    }, 30_000);
  }
});

describe('joinWrappedNames', () => {
  const frag = (text: string, x0: number, top: number, size = 10): Fragment => ({ text, x0, x1: x0 + text.length * size, top, bottom: top + size, size });
  const line = (n: number, ...fragments: Fragment[]): PhysLine => ({
    page: 1,
    line: n,
    fragments,
    x0: fragments[0]!.x0,
    x1: fragments[fragments.length - 1]!.x1,
    top: fragments[0]!.top,
    bottom: fragments[0]!.bottom,
    size: 10,
  });
  const texts = (lines: readonly PhysLine[]): string[][] => lines.map((l) => l.fragments.map((f) => f.text));
  // the name cell runs from x = 140 (after 项目名称) to 320 (项目性质)
  const nameLine = (top: number, name?: string): PhysLine => line(2, frag('项目名称', 100, top), ...(name ? [frag(name, 160, top)] : []), frag('项目性质', 320, top), frag('经常性项目', 380, top));

  it('joins the lines of the cell above and below the label, left-aligned or centred', () => {
    const lines = [line(1, frag('新建万里街道社区公共', 160, 90)), nameLine(102.5, '服务中心及配套设施改'), line(3, frag('造项目', 195, 115))];
    expect(texts(joinWrappedNames(lines))).toEqual([['项目名称', '新建万里街道社区公共服务中心及配套设施改造项目', '项目性质', '经常性项目']]);
  });

  it('leaves the next row alone: its label stands in the label column', () => {
    const lines = [nameLine(100, '社区服务'), line(3, frag('主管部门', 100, 112), frag('某区测试局', 170, 112))];
    expect(texts(joinWrappedNames(lines))).toEqual(texts(lines));
  });

  it('leaves a line in the cell\'s column that does not touch the row, the subtitle, and a run out of line with the name', () => {
    const far = [nameLine(100, '社区服务'), line(3, frag('另一行', 170, 118))];
    expect(texts(joinWrappedNames(far))).toEqual(texts(far));
    const subtitle = [line(1, frag('（2024年度）', 160, 88)), nameLine(100, '社区服务中心运行')];
    expect(texts(joinWrappedNames(subtitle))).toEqual(texts(subtitle));
    const aside = [nameLine(100, '社区服务中心运行'), line(3, frag('项目', 280, 112))];
    expect(texts(joinWrappedNames(aside))).toEqual(texts(aside));
  });
});
