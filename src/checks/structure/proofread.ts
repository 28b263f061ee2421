import { defineCheck, type CheckModule } from '../../engine/define-check.js';
import type { LocalizedText } from '../../engine/define-check.js';
import type { BudgetDocument } from '../../model/document.js';
import { excerpt, textPlaces, type TextPlace } from './text-places.js';
import { oncePer } from '../../memo.js';

/** Most findings one rule reports in one paragraph, heading, note or row name. */
export const MAX_PER_PLACE = 5;

/** One finding of a text scan: where in the text and what to say. */
export interface Slip {
  readonly offset: number;
  readonly length: number;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
}

/**
 * Builds a proof-reading check that scans every paragraph, heading, table note and (optionally)
 * table row name with `scan`; each slip is a finding at its span, with an excerpt in the data.
 */
export function proofreadCheck(spec: {
  id: string;
  description: LocalizedText;
  messages: Readonly<Record<string, LocalizedText>>;
  rows: boolean;
  scan: (text: string, place: TextPlace, doc: BudgetDocument) => readonly Slip[];
}): CheckModule<Record<string, never>> {
  return defineCheck<Record<string, never>>({
    id: spec.id,
    meta: { description: spec.description, schema: { type: 'object', additionalProperties: false, properties: {} }, messages: spec.messages },
    run(ctx) {
      const places = textPlaces(ctx.document, { rows: spec.rows });
      if (places.length === 0) {
        ctx.notApplicable('text', 'the document has no text');
        return;
      }
      let found = 0;
      for (const place of places) {
        // a paragraph full of the same slip is one problem to fix: its first few findings say enough
        const slips = spec.scan(place.text, place, ctx.document);
        for (let i = 0; i < slips.length && i < MAX_PER_PLACE; i++) {
          const s = slips[i]!;
          found++;
          ctx.report({
            instance: `${place.key}:${s.offset}`,
            messageId: s.messageId,
            data: { ...s.data, excerpt: excerpt(place.text, s.offset, s.length) },
            at: place.at(s.offset, s.length),
          });
        }
      }
      if (found === 0) ctx.pass('text');
    },
  });
}

/** The answer of a scan that found nothing (shared: most texts have no slip). */
export const NO_SLIPS: readonly Slip[] = Object.freeze([]);

/** All matches of a regex (as if global), each made a slip by `toSlip`; NO_SLIPS when none matches. */
export function slipsOf(re: RegExp, text: string, toSlip: (m: RegExpExecArray) => Slip): readonly Slip[] {
  let out: Slip[] | undefined;
  const g = globalOf(re);
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    (out ??= []).push(toSlip(m));
    if (m[0].length === 0) g.lastIndex++;
  }
  return out ?? NO_SLIPS;
}

/** The global copy of each pattern a scan is given, made once per pattern (not once per text scanned). */
const globalOf = oncePer((re: RegExp): RegExp => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));
