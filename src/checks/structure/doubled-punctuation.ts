import { proofreadCheck, slipsOf } from './proofread.js';

/**
 * Two punctuation marks where one belongs ("，，", "。。", "，。", "：："). Ellipses (……) and dashes
 * (——) are doubled by nature and not counted; neither are closing brackets or quotes before a mark.
 */
const DOUBLED = /[，。、；：！？]{2,}|[,;]{2,}/u;

export default proofreadCheck({
  id: 'doubled-punctuation',
  description: { zh: '没有重复的标点（如“，，”“。。”）', en: 'No doubled punctuation ("，，", "。。")' },
  messages: {
    doubled: { zh: '标点重复“{marks}”：{excerpt}', en: 'doubled punctuation “{marks}”: {excerpt}' },
  },
  rows: true,
  scan: (text) => slipsOf(DOUBLED, text, (m) => ({ offset: m.index, length: m[0].length, messageId: 'doubled', data: { marks: m[0] } })),
});
