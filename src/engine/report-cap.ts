/**
 * Most findings one rule lists for one document. Real documents have a few dozen per rule; a hostile
 * or machine-made one (a paragraph copied 20 000 times, 100 000 headings, several hundred documents
 * in one file) could otherwise produce hundreds of thousands, each located, fingerprinted and
 * written out. The findings past this bound are counted in one more finding, so nothing is dropped
 * silently and the report stays bounded (the engine's RuleRun applies it to every rule).
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** The message of the finding that counts a rule's findings past MAX_FINDINGS_PER_RULE. */
export const MORE_FINDINGS_MESSAGE = {
  moreFindings: {
    zh: '本规则另有 {count} 处问题未逐一列出（每份文件最多列出 {max} 处）',
    en: '{count} more findings of this rule are not listed one by one (at most {max} per document)',
  },
} as const;
