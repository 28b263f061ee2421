import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import type { TableKind } from '../../src/model/document.js';
import { textLayoutLine, type LayoutLine } from '../../src/parsers/layout.js';
import { isTotalLabel } from '../../src/parsers/row-parse.js';
import { sameTitle } from '../../src/parsers/repeated-header.js';
import { groupParts, type RawPart } from '../../src/parsers/table-builder.js';

const at = { file: 'f.txt', line: 1, column: 1 };

function isTotalLine(l: LayoutLine): boolean {
  return l.texts.slice(0, 4).some(isTotalLabel);
}

/** The grouping as first written: every part's totals read up front, the group's kept up to date. */
function plainGroups(parts: readonly RawPart[]): RawPart[][] {
  const groups: RawPart[][] = [];
  let groupHasTotal = false;
  let groupEndsWithTotal = false;
  for (const p of parts) {
    const ends = p.data.length > 0 && isTotalLine(p.data[p.data.length - 1]!);
    const has = ends || p.data.some(isTotalLine);
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const complete = last !== undefined && groupHasTotal && (groupEndsWithTotal || has);
    const continues = prev !== undefined && prev.kind === p.kind && (p.kind !== 'unknown' || sameTitle(prev.title, p.title)) && !complete && (p.header.length > 0 || p.data.length > 0);
    if (continues) {
      last!.push(p);
      groupHasTotal ||= has;
      if (p.data.length > 0) groupEndsWithTotal = ends;
    } else {
      groups.push([p]);
      groupHasTotal = has;
      groupEndsWithTotal = ends;
    }
  }
  return groups;
}

describe('groupParts (totals read only when a part of the same kind follows)', () => {
  it('groups random parts as the plain grouping does: kinds, titles, empty parts, totals first, last or between', () => {
    const rng = new Rng(20261127);
    const line = (texts: string[]): LayoutLine => textLayoutLine(texts, at, true);
    const dataLine = (): LayoutLine => (rng.chance(0.3) ? line([rng.pick(['合计', '总计', '合 计', '收入总计']), '12']) : line(['2010101', '行政运行', '5']));
    const wrong: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const parts: RawPart[] = [];
      for (let k = rng.int(0, 8); k > 0; k--) {
        const kind = rng.pick<TableKind>(['T2', 'T3', 'unknown']);
        const header = rng.chance(0.5) ? [line(['项目', '合计'])] : [];
        const data = Array.from({ length: rng.chance(0.2) ? 0 : rng.int(1, 4) }, dataLine);
        parts.push({ kind, title: rng.pick(['表一', '表二', '表一（续）']), titleLocation: at, header, data, notes: [] });
      }
      const shape = (groups: RawPart[][]): number[][] => groups.map((g) => g.map((p) => parts.indexOf(p)));
      const got = JSON.stringify(shape(groupParts(parts)));
      const want = JSON.stringify(shape(plainGroups(parts)));
      if (got !== want) wrong.push(`${parts.map((p) => `${p.kind}/${p.title}/${p.header.length}/${p.data.map((l) => (isTotalLine(l) ? 'T' : 'd')).join('')}`).join(' ')}: ${got}, expected ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});
