import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { isOwnKey, nameKey, plainNameKey } from '../../src/catalog/names.js';
import { groupBy, groupBySpelling, type NameOccurrence } from '../../src/checks/catalog/occurrences.js';

/** Spellings that share a key (spaces, quotes, brackets) and some that do not. */
const NAMES = ['行政运行', '行政 运行', '“行政运行”', '其他支出', '其它支出', '其他 支出', '【A】', '(A)', '〔A〕', 'A', '卫生健康支出支出'];
const CODES = ['201', '2010301', '2010302', '208'];

describe('groupBySpelling', () => {
  it('groups as groupBy by code and name key does, on random occurrences', () => {
    const rng = new Rng(3);
    for (let n = 0; n < 2000; n++) {
      const items: NameOccurrence[] = [];
      const count = rng.int(0, 30);
      // names as fresh strings (not the literals), as a document's slices are
      for (let i = 0; i < count; i++) items.push({ code: rng.pick(CODES), name: (' ' + rng.pick(NAMES)).slice(1), where: 'table', at: {}, label: `#${i}` } as NameOccurrence);
      const plain = [...groupBy(items, (o) => `${o.code}:${nameKey(o.name)}`)].map(([k, list]) => [k, list]);
      const fast = groupBySpelling(items).map((g) => [`${g.code}:${g.key}`, g.items]);
      expect(fast).toEqual(plain);
    }
  });
});

describe('nameKey', () => {
  it('leaves every name isOwnKey accepts as it is, and keys the others as the plain form does', () => {
    const rng = new Rng(11);
    const differing: string[] = [];
    // every code unit isOwnKey may accept, alone and in a name
    for (let c = 0; c <= 0xffff; c++) {
      const name = `行${String.fromCharCode(c)}政`;
      if (isOwnKey(name) && plainNameKey(name) !== name) differing.push(name);
    }
    const pieces = ['行政', '运行', ' ', '\u3000', '“', '"', "'", '（', '(', '【', '〔', '］', 'Ａ', 'A', '1', '１', '其它', '-', '.'];
    for (let n = 0; n < 5000; n++) {
      let name = '';
      for (let i = rng.int(0, 6); i > 0; i--) name += rng.pick(pieces);
      if (nameKey(name) !== plainNameKey(name)) differing.push(name);
    }
    expect(differing).toEqual([]);
  });
});
