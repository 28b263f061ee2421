import type { Diagnostic, DiagnosticLocation, DocumentResult, RelatedValue, RuleOutcome } from '../engine/diagnostic.js';
import { JSON_BATCH, JsonArray, jsonChunks, jsonDocument, JsonObject, joinChunks, ONE_PIECE_ITEMS } from './json-chunks.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';
import { runTotals } from './totals.js';
import type { ChunkedReporter, Reporter, ReporterOptions, RunResult } from './types.js';

/**
 * Version of the JSON output format (schemas/report.schema.json). Field names are a public
 * interface: minor versions only add fields; a rename or removal would bump the major.
 * 1.1.0 added tool.version, the whole-run `totals` and `baseline`.
 * 1.2.0: every location (of a finding, a related value, a rule instance) carries file, line, column,
 * table, row and field, null where they do not apply.
 */
export const JSON_FORMAT_VERSION = '1.2.0';

/** The keys every location carries (null when they do not apply), so that a consumer can rely on them. */
export const LOCATION_KEYS = ['file', 'line', 'column', 'table', 'row', 'field'] as const;

/**
 * A location as the JSON report writes it: file, line, column, table, row and field always (null when
 * they do not apply), page, sheet, endLine, endColumn, cell and tableKind when set, in the order
 * file, page, sheet, line, column, endLine, endColumn, cell, table, tableKind, row, field (the order
 * the parsers and checks build them in, so 1.1.0 reports only gain the nulls).
 */
export function jsonLocation(loc: DiagnosticLocation): Record<string, unknown> {
  const line = loc.line ?? null;
  const column = loc.column ?? null;
  const table = loc.table ?? null;
  const row = loc.row ?? null;
  const field = loc.field ?? null;
  // the usual shapes as literals (text positions in a table or in the narrative): quicker to build and to write
  if (loc.page === undefined && loc.sheet === undefined && loc.endLine === undefined && loc.cell === undefined) {
    if (loc.endColumn !== undefined) {
      if (loc.tableKind === undefined) return { file: loc.file, line, column, endColumn: loc.endColumn, table, row, field };
    } else {
      if (loc.tableKind === undefined) return { file: loc.file, line, column, table, row, field };
      return { file: loc.file, line, column, table, tableKind: loc.tableKind, row, field };
    }
  }
  const out: Record<string, unknown> = { file: loc.file };
  if (loc.page !== undefined) out['page'] = loc.page;
  if (loc.sheet !== undefined) out['sheet'] = loc.sheet;
  out['line'] = line;
  out['column'] = column;
  if (loc.endLine !== undefined) out['endLine'] = loc.endLine;
  if (loc.endColumn !== undefined) out['endColumn'] = loc.endColumn;
  if (loc.cell !== undefined) out['cell'] = loc.cell;
  out['table'] = table;
  if (loc.tableKind !== undefined) out['tableKind'] = loc.tableKind;
  out['row'] = row;
  out['field'] = field;
  return out;
}

/** Every key a location can have, in the report's order: adding one to DiagnosticLocation fails to compile here until jsonLocation writes it. */
export const LOCATION_ORDER = ['file', 'page', 'sheet', 'line', 'column', 'endLine', 'endColumn', 'cell', 'table', 'tableKind', 'row', 'field'] as const;
type Missing = Exclude<keyof DiagnosticLocation, (typeof LOCATION_ORDER)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

function relatedValue(rel: RelatedValue): RelatedValue | Record<string, unknown> {
  return { ...rel, location: jsonLocation(rel.location) };
}

function diagnostic(d: Diagnostic): Record<string, unknown> | JsonObject {
  // a finding with thousands of related values (a sum over a long table) is written in pieces too
  const related = d.related.length > JSON_BATCH ? new JsonArray(map(d.related, relatedValue)) : d.related.map(relatedValue);
  const members: Array<[string, unknown]> = [
    ['ruleId', d.ruleId],
    ['check', d.check],
    ['severity', d.severity],
    ['messageId', d.messageId],
    ['message', d.message],
    ['data', d.data],
    ['location', jsonLocation(d.location)],
    ['related', related],
    ['fingerprint', d.fingerprint],
    ['instance', d.instance],
    ['suppressed', d.suppressed],
  ];
  return related instanceof JsonArray ? new JsonObject(members) : Object.fromEntries(members.filter(([, v]) => v !== undefined));
}

function outcome(o: RuleOutcome): RuleOutcome | Record<string, unknown> {
  // the spread keeps `location` where the outcome has it
  return o.location ? { ...o, location: jsonLocation(o.location) } : o;
}

function* map<T, U>(items: readonly T[], f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function documentResult(r: DocumentResult): JsonObject {
  return new JsonObject([
    ['file', r.file],
    ['fatal', r.fatal],
    ['metadata', r.metadata],
    ['summary', r.summary],
    ['counts', r.counts],
    ['diagnostics', new JsonArray(map(r.diagnostics, diagnostic))],
    ['outcomes', new JsonArray(map(r.outcomes, outcome))],
  ]);
}

/**
 * The JSON report in three parts, so that a run can write it while its documents are checked: the
 * head (up to the opening of "results"), each document's result, and the tail (the totals and the
 * baseline). Written one after another they are the report's text (jsonChunkedReporter).
 */
export const jsonReportParts = {
  head(): string {
    return `{\n  "version": ${JSON.stringify(JSON_FORMAT_VERSION)},\n  "tool": ${memberText(TOOL)},\n  "results": [`;
  },
  /** The result of the `index`-th document (from 0), as an element of "results". */
  *document(r: DocumentResult, index: number): Generator<string, void, undefined> {
    yield index === 0 ? '\n    ' : ',\n    ';
    yield* jsonChunks(documentResult(r), 2);
  },
  /** `results`: every document of the run (what the totals add up). */
  tail(results: readonly DocumentResult[], baseline: RunResult['baseline']): string {
    const close = results.length > 0 ? '\n  ]' : ']';
    const base = baseline === undefined ? '' : `,\n  "baseline": ${memberText(baseline)}`;
    return `${close},\n  "totals": ${memberText(runTotals(results))}${base}\n}\n`;
  },
};

const TOOL = { name: TOOL_NAME, version: TOOL_VERSION };

/** The text of an ordinary value as a member of the report object. */
function memberText(value: unknown): string {
  return joinChunks(jsonChunks(value, 1));
}

/**
 * Machine-readable results, valid against schemas/report.schema.json, in pieces (a few dozen
 * findings or rule instances each) when the run is big: the CLI writes them as they come, so that a
 * report of 100 000+ rule instances never exists as one string. A document-sized run is one piece.
 * Joined, they are `JSON.stringify(report, null, 2)` + '\n'. `onePiece`: see jsonDocument.
 */
export const jsonChunkedReporter = function* (run: RunResult, _options?: ReporterOptions, onePiece = ONE_PIECE_ITEMS): Generator<string, void, undefined> {
  let items = 0;
  for (const r of run.results) {
    items += r.diagnostics.length + r.outcomes.length;
    for (const d of r.diagnostics) items += d.related.length;
  }
  if (items <= onePiece) {
    const report = new JsonObject([
      ['version', JSON_FORMAT_VERSION],
      ['tool', TOOL],
      ['results', new JsonArray(map(run.results, documentResult))],
      ['totals', runTotals(run.results)],
      ['baseline', run.baseline],
    ]);
    yield* jsonDocument(report, items, onePiece);
    return;
  }
  yield jsonReportParts.head();
  for (let i = 0; i < run.results.length; i++) yield* jsonReportParts.document(run.results[i]!, i);
  yield jsonReportParts.tail(run.results, run.baseline);
} satisfies ChunkedReporter;

/** Machine-readable results as one string (see jsonChunkedReporter). */
export const jsonReporter: Reporter = (run, options) => joinChunks(jsonChunkedReporter(run, options));
