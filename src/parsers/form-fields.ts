/**
 * The labels of the fields a 绩效目标 form prints after the project's name on its 项目名称 line
 * ("项目名称 X 项目性质 经常性项目 项目类别 …"): where the name ends. The PDF reader (a wrapped name's
 * lines) and the forms' reader (the name on its line) stop at the same words.
 */
export const FIELDS_AFTER_NAME = ['项目性质', '项目类别', '项目属性', '主管部门', '实施单位', '项目编码', '项目代码', '项目负责人', '联系电话'] as const;

/** Any of FIELDS_AFTER_NAME. */
export const FIELD_AFTER_NAME = new RegExp(FIELDS_AFTER_NAME.join('|'));
/** A text that starts with one of FIELDS_AFTER_NAME. */
export const STARTS_WITH_FIELD = new RegExp(`^(?:${FIELDS_AFTER_NAME.join('|')})`);
