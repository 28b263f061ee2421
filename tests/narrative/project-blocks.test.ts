import { describe, expect, it } from 'vitest';
import { blockHeading } from '../../src/narrative/project-blocks.js';

/** One reading of the headings of 项目经费情况说明 blocks, for project amounts, project plans and PDF forms. */
describe('blockHeading', () => {
  it('opens a block named by its project, or an unnamed one, and ends it at any other 说明', () => {
    const read = (t: string): string => {
      const h = blockHeading(t);
      return h.kind === 'opens' ? `opens ${h.name ?? '(unnamed)'}` : h.kind;
    };
    expect(
      ['科技创新专项经费情况说明', '“科技创新专项”经费情况说明', '新建万里街道社区公共服务中心情况说明', '社区活动项目情况说明', '项目经费情况说明', '项目情况说明', '七、项目经费情况说明', '其他相关情况说明', '财政拨款收支总体情况说明', '部门预算编制说明', '说明', '六、年度预算安排', '一、项目概述'].map(read),
    ).toEqual(['opens 科技创新专项', 'opens 科技创新专项', 'opens 新建万里街道社区公共服务中心', 'opens 社区活动', 'opens (unnamed)', 'opens (unnamed)', 'ends', 'ends', 'ends', 'ends', 'ends', 'inside', 'inside']);
  });
});
