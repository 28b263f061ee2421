import { defineCheck, type CheckModule } from '../../engine/define-check.js';
import type { LocalizedText } from '../../engine/define-check.js';
import type { BudgetDocument } from '../../model/document.js';
import { memoByString, ownCopy } from '../../memo.js';
import { excerpt, isPlaceRow, joinedTexts, placeAt, textPlaces, type JoinedTexts, type TextPlace } from './text-places.js';

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
  scan: (text: string) => readonly Slip[];
  /**
   * Whether `scan` may read all the texts at once, joined by line feeds (one call per document instead
   * of one per text): true when no slip holds a line feed and the scan keeps nothing from one text to
   * the next (a regex without anchors, lookarounds or \b that matches no line feed). Its slips are
   * then those of each text, in order, with the slips of each kind kept together per text.
   */
  joinable: boolean;
  /**
   * For a scan that is not joinable: characters without one of which a text has no slip. Only the
   * texts holding one are scanned, found by searching the joined texts (no place is built for a
   * document without them).
   */
  marks?: string;
  /**
   * For a joinable scan with rows: the scan of one row name, memoised for the run (see scanOfRowNames),
   * used instead of scanning the names in the joined texts.
   */
  rowNameScan?: (name: string) => readonly Slip[];
}): CheckModule<Record<string, never>> {
  return defineCheck<Record<string, never>>({
    id: spec.id,
    meta: { description: spec.description, schema: { type: 'object', additionalProperties: false, properties: {} }, messages: spec.messages },
    run(ctx) {
      const places = spec.joinable || spec.marks !== undefined ? undefined : textPlaces(ctx.document, { rows: spec.rows });
      const slipsByPlace = places
        ? slipsOfEach(places, spec.scan)
        : !spec.joinable
          ? slipsOfMarked(ctx.document, spec, spec.marks!)
          : spec.rows && spec.rowNameScan !== undefined
            ? slipsOfJoinedAndRowNames(ctx.document, spec.scan, spec.rowNameScan)
            : slipsOfJoined(ctx.document, spec);
      if (slipsByPlace === undefined) {
        ctx.notApplicable('text', 'the document has no text');
        return;
      }
      if (slipsByPlace.size === 0) {
        ctx.pass('text');
        return;
      }
      const all = places ?? textPlaces(ctx.document, { rows: spec.rows });
      for (const [index, slips] of slipsByPlace) {
        const place = all[index]!;
        // a paragraph full of the same slip is one problem to fix: its first few findings say enough
        for (let i = 0; i < slips.length && i < MAX_PER_PLACE; i++) {
          const s = slips[i]!;
          ctx.report({
            instance: `${place.key}:${s.offset}`,
            messageId: s.messageId,
            data: { ...s.data, excerpt: excerpt(place.text, s.offset, s.length) },
            at: place.at(s.offset, s.length),
          });
        }
      }
    },
  });
}

/** The slips of each place that has some, by place index in place order; undefined when there is no place. */
type SlipsByPlace = Map<number, readonly Slip[]> | undefined;

function slipsOfEach(places: readonly TextPlace[], scan: (text: string) => readonly Slip[]): SlipsByPlace {
  if (places.length === 0) return undefined;
  const out = new Map<number, readonly Slip[]>();
  for (let i = 0; i < places.length; i++) {
    const slips = scan(places[i]!.text);
    if (slips.length > 0) out.set(i, slips);
  }
  return out;
}

/** The slips of each text that holds one of `marks`, each scanned alone (cut from the joined texts). */
function slipsOfMarked(doc: BudgetDocument, spec: { rows: boolean; scan: (text: string) => readonly Slip[] }, marks: string): SlipsByPlace {
  const joined = joinedTexts(doc, { rows: spec.rows });
  const { text, starts } = joined;
  if (starts.length === 0) return undefined;
  const out = new Map<number, readonly Slip[]>();
  // the next offset of each mark at or after the end of the last text scanned (−1: none left), each
  // searched again only once passed, so the joined texts are searched once for each mark
  const next = Array.from(marks, (m) => text.indexOf(m));
  for (let at = earliest(next); at >= 0; at = earliest(next)) {
    const index = placeAt(joined, at);
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length;
    const slips = spec.scan(text.slice(starts[index]!, end));
    if (slips.length > 0) out.set(index, slips);
    for (let i = 0; i < next.length; i++) if (next[i]! >= 0 && next[i]! < end) next[i] = text.indexOf(marks[i]!, end);
  }
  return out;
}

/** The least of the offsets that are not −1, or −1. */
function earliest(offsets: readonly number[]): number {
  let first = -1;
  for (const at of offsets) if (at >= 0 && (first < 0 || at < first)) first = at;
  return first;
}

/** One scan of the document's joined texts; its slips go back to their places (the offsets made the places' own). */
function slipsOfJoined(doc: BudgetDocument, spec: { rows: boolean; scan: (text: string) => readonly Slip[] }): SlipsByPlace {
  const joined = joinedTexts(doc, { rows: spec.rows });
  return joined.starts.length === 0 ? undefined : slipsOfJoinedText(joined, spec.scan);
}

/** The slips of one scan of joined texts, by the index of their text, in index order. */
function slipsOfJoinedText(joined: JoinedTexts, scan: (text: string) => readonly Slip[]): Map<number, readonly Slip[]> {
  const found = scan(joined.text);
  const out = new Map<number, Slip[]>();
  for (const s of found) {
    const index = placeAt(joined, s.offset);
    const own = { ...s, offset: s.offset - joined.starts[index]! };
    const list = out.get(index);
    if (list) list.push(own);
    else out.set(index, [own]);
  }
  // in place order (a scan of several kinds lists each kind in order, one after the other)
  return out.size > 1 ? new Map([...out].sort((a, b) => a[0] - b[0])) : out;
}

/**
 * The slips of the places with rows: paragraphs and notes scanned at once in the joined texts without
 * rows (which other rules read too), each row name by `rowNameScan`. Place indices are those of
 * textPlaces(doc, { rows: true }): paragraphs, then each table's notes and row names.
 */
function slipsOfJoinedAndRowNames(doc: BudgetDocument, scan: (text: string) => readonly Slip[], rowNameScan: (name: string) => readonly Slip[]): SlipsByPlace {
  const joined = joinedTexts(doc);
  const ofTexts = slipsOfJoinedText(joined, scan);
  const paragraphs = doc.paragraphs.length;
  const out = new Map<number, readonly Slip[]>();
  // the paragraphs come first in both lists, at the same indices
  for (const [index, slips] of ofTexts) if (index < paragraphs) out.set(index, slips);
  // the index of the next note among the joined texts, and of the next place among all places
  let text = paragraphs;
  let place = paragraphs;
  for (const t of doc.tables) {
    for (let n = 0; n < t.notes.length; n++, text++, place++) {
      const slips = ofTexts.get(text);
      if (slips !== undefined) out.set(place, slips);
    }
    for (const r of t.rows) {
      if (!isPlaceRow(r)) continue;
      const slips = rowNameScan(r.name);
      if (slips.length > 0) out.set(place, slips);
      place++;
    }
  }
  return place === 0 ? undefined : out;
}

/**
 * `scan` of a row name, memoised for the run: row names are the classification's names, the same few
 * hundred in every document. The name is scanned as a copy, so no slip cached holds a slice of a
 * document's text.
 */
export function scanOfRowNames(scan: (text: string) => readonly Slip[]): (name: string) => readonly Slip[] {
  return memoByString((name) => scan(ownCopy(name)), MAX_MEMO_NAME);
}

/** Longest row name scanOfRowNames remembers (a longer one is scanned each time). */
const MAX_MEMO_NAME = 64;

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

/**
 * The global copy of each pattern a scan is given, made once per pattern (not once per text scanned).
 * The patterns live as long as the rules, so their copies are kept for the run (not per document, as
 * oncePer keeps what it derives from a document).
 */
function globalOf(re: RegExp): RegExp {
  let global = globalCopies.get(re);
  if (global === undefined) globalCopies.set(re, (global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return global;
}

const globalCopies = new WeakMap<RegExp, RegExp>();
