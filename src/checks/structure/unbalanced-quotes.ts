import { NO_SLIPS, proofreadCheck, type Slip } from './proofread.js';

/** Marks that end the subject a quotation mark should enclose, when walking back from the mark. */
const STOP = /[，,。；;：:、！？!?“”\s]/u;

const OPENING = '“'.charCodeAt(0);
const CLOSING = '”'.charCodeAt(0);

/**
 * Unbalanced quotation marks around a subject (DOMAIN.md §6): a closing ” with no opening “ before it
 * in the paragraph, or an opening “ that is never closed. The finding points at the subject (the
 * words the missing mark should enclose), e.g. the 行政单位医疗（项） of "行政单位医疗（项）” 43.38万元".
 */
export function quoteSlips(text: string): Slip[] {
  const out: Slip[] = [];
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPENING) {
      if (open !== undefined) out.push(unclosed(text, open, i));
      open = i;
    } else if (ch === CLOSING) {
      if (open === undefined) out.push(unopened(text, i));
      open = undefined;
    }
  }
  if (open !== undefined) out.push(unclosed(text, open, text.length));
  return out;
}

function unopened(text: string, close: number): Slip {
  let end = close;
  while (end > 0 && /[。；;]/u.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !STOP.test(text[start - 1]!)) start--;
  const subject = text.slice(start, end);
  return subject === ''
    ? { offset: close, length: 1, messageId: 'unopenedBare', data: { subject: '', mark: '”' } }
    : { offset: start, length: close + 1 - start, messageId: 'unopened', data: { subject, mark: '”' } };
}

function unclosed(text: string, open: number, limit: number): Slip {
  let end = open + 1;
  while (end < limit && !STOP.test(text[end]!)) end++;
  return { offset: open, length: end - open, messageId: 'unclosed', data: { subject: text.slice(open + 1, end), mark: '“' } };
}

export default proofreadCheck({
  id: 'unbalanced-quotes',
  description: { zh: '引号成对出现', en: 'Quotation marks are balanced' },
  messages: {
    unopened: { zh: '“{subject}”之后有右引号，但前面缺少左引号', en: 'a closing ” follows “{subject}” but no opening “ precedes it' },
    unopenedBare: { zh: '右引号“””没有对应的左引号', en: 'a closing ” has no opening “' },
    unclosed: { zh: '“{subject}”前有左引号，但缺少右引号', en: 'an opening “ before “{subject}” is never closed' },
  },
  rows: false,
  // a quotation mark left open at the end of a text is a slip of that text: texts are read one by one,
  // those holding a quotation mark only (most hold none)
  joinable: false,
  marks: '“”',
  scan: (text) => (text.indexOf('“') < 0 && text.indexOf('”') < 0 ? NO_SLIPS : quoteSlips(text)),
});
