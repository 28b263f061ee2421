import { describe, expect, it } from 'vitest';
import { Catalog, catalogFor, compareNames, loadUserCatalog } from '../../src/catalog/index.js';
import { ConfigError } from '../../src/errors.js';

const USER = 'fixtures/catalog/user/user-catalog.csv';

describe('Catalog', () => {
  const builtin = catalogFor({});

  it('names a code by the budget year, across a rename', () => {
    expect(builtin.entryFor('210', 2018)?.name).toBe('医疗卫生与计划生育支出');
    expect(builtin.entryFor('210', 2019)?.name).toBe('卫生健康支出');
    expect(builtin.entryFor('210')?.name).toBe('卫生健康支出');
    expect(builtin.entryFor('20805', 2023)?.name).toBe('行政事业单位养老支出');
    expect(builtin.entryFor('2999999', 2023)).toBeUndefined();
  });

  it('finds the code a name belongs to, and former names', () => {
    expect(builtin.codesNamed('维修(护)费', 'economic')).toEqual(['30213']);
    expect(builtin.codesNamed('其它商业流通事务支出', 'functional')).toEqual(['2160299']);
    expect(builtin.renameOf('215', '资源勘探信息等支出')?.year).toBe(2019);
    expect(builtin.renameOf('215', '资源勘探工业信息等支出')).toBeUndefined();
    expect(builtin.hasClass('281')).toBe(false);
    expect(builtin.hasClass('224')).toBe(true);
    // 抗疫特别国债安排的支出 (from 2020): a real 类, not reported as impossible
    expect(builtin.hasClass('234')).toBe(true);
    expect(builtin.entryFor('234', 2021)?.name).toBe('抗疫特别国债安排的支出');
  });

  it('lets the user catalog take precedence and caches it per path', () => {
    const c = catalogFor({ catalogFiles: [USER] });
    expect(c.entryFor('30209', 2023)?.name).toBe('维修（护）费');
    expect(c.entryFor('30209', 2023)?.provenance).toBe(`user:${USER}`);
    expect(c.entryFor('30213', 2023)?.name).toBe('维修（护）费');
    expect(catalogFor({ catalogFiles: [USER] })).toBe(c);
    expect(loadUserCatalog(USER)).toBe(loadUserCatalog(USER));
  });

  it('the first user file wins for a code', () => {
    const c = new Catalog([], [], [
      { code: '201', name: 'A', level: '类', scheme: 'functional', provenance: 'user:a' },
      { code: '201', name: 'B', level: '类', scheme: 'functional', provenance: 'user:b' },
    ]);
    expect(c.entryFor('201')?.name).toBe('A');
  });

  it('refuses malformed user catalogs with one line naming the file and row', () => {
    expect(() => loadUserCatalog('fixtures/catalog/user/bad-level.csv')).toThrow(ConfigError);
    expect(() => loadUserCatalog('fixtures/catalog/user/bad-level.csv')).toThrow(/bad-level\.csv:2: code 30209 has level "项"/);
    expect(() => loadUserCatalog('fixtures/catalog/user/bad-header.csv')).toThrow(/bad-header\.csv: catalog header lacks column\(s\) level/);
    expect(() => loadUserCatalog('fixtures/catalog/user/missing.csv')).toThrow(/missing\.csv: cannot read catalog file/);
  });
});

describe('compareNames', () => {
  it('treats spaces and bracket widths as the same name, 其它/其他 as a variant', () => {
    expect(compareNames('维修(护)费', '维修（护）费')).toBe('same');
    expect(compareNames('办 公　费', '办公费')).toBe('same');
    expect(compareNames('其它工资福利支出', '其他工资福利支出')).toBe('variant');
    expect(compareNames('物业管理费', '维修（护）费')).toBe('different');
  });
});
