import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticLocation, RelatedValue, Severity } from '../engine/diagnostic.js';
import type { ResolvedRule } from '../engine/rule.js';
import { labels, type Labels } from './i18n.js';
import { JSON_BATCH, JsonArray, jsonDocument, JsonObject, joinChunks, ONE_PIECE_ITEMS } from './json-chunks.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';
import { runTotals } from './totals.js';
import type { ChunkedReporter, Reporter, ReporterOptions, RunResult } from './types.js';
import { comparison, position, relatedText, where } from './where.js';

/** The schema URI written into every log (the OASIS standard's, errata 01). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Key of our fingerprint in result.partialFingerprints. */
export const FINGERPRINT_KEY = 'budgetlint/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity | 'off', Level> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** A file as a SARIF URI: relative paths percent-encoded per segment, absolute ones as file: URLs. */
export function artifactUri(file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(file: string, index: number): Record<string, unknown> {
  const uri = artifactUri(file);
  return { uri, ...(uri.startsWith('file:') ? {} : { uriBaseId: SRCROOT }), index };
}

/** Text files give a real region; PDF pages and sheet cells have no text line, so line 1 stands in. */
function isTextLocation(loc: DiagnosticLocation): boolean {
  return loc.page === undefined && loc.sheet === undefined && loc.line !== undefined && loc.line >= 1;
}

function region(loc: DiagnosticLocation): Record<string, number> {
  if (!isTextLocation(loc)) return { startLine: 1 };
  const r: Record<string, number> = { startLine: loc.line! };
  if (loc.column !== undefined && loc.column >= 1) r['startColumn'] = loc.column;
  if (loc.endLine !== undefined && loc.endLine >= loc.line!) r['endLine'] = loc.endLine;
  if (loc.endColumn !== undefined && loc.column !== undefined && loc.endColumn > loc.column) r['endColumn'] = loc.endColumn;
  return r;
}

/** Table › row › column, for result.locations[].logicalLocations. */
function logicalLocations(loc: DiagnosticLocation): Array<Record<string, string>> {
  const table = loc.tableKind && loc.tableKind !== 'unknown' ? `${loc.tableKind} ${loc.table ?? ''}`.trim() : loc.table;
  const parts = [table, loc.row, loc.field].filter((p): p is string => p !== undefined && p !== '');
  if (parts.length === 0) return [];
  const kind = loc.field !== undefined ? 'cell' : loc.row !== undefined ? 'row' : 'table';
  return [{ name: parts[parts.length - 1]!, fullyQualifiedName: parts.join(' › '), kind }];
}

function physicalProperties(loc: DiagnosticLocation): Record<string, unknown> {
  if (isTextLocation(loc)) return {};
  const p: Record<string, unknown> = {};
  for (const k of ['page', 'line', 'sheet', 'cell'] as const) if (loc[k] !== undefined) p[k] = loc[k];
  return Object.keys(p).length > 0 ? { properties: p } : {};
}

function location(loc: DiagnosticLocation, fileIndex: number): Record<string, unknown> {
  const logical = logicalLocations(loc);
  return {
    physicalLocation: { artifactLocation: artifactLocation(loc.file, fileIndex), region: region(loc), ...physicalProperties(loc) },
    ...(logical.length > 0 ? { logicalLocations: logical } : {}),
  };
}

function ruleDescriptor(rule: ResolvedRule, lang: 'zh' | 'en'): Record<string, unknown> {
  const description = rule.description[lang];
  const rationale = rule.rationale?.[lang];
  const whyLabel = lang === 'zh' ? '原因' : 'Why';
  const exampleLabel = lang === 'zh' ? '示例' : 'Example';
  const text = [description, rationale ? `${whyLabel}: ${rationale}` : '', rule.example ? `${exampleLabel}: ${rule.example}` : ''].filter(Boolean).join('\n\n');
  const markdown = [description, rationale ? `**${whyLabel}:** ${rationale}` : '', rule.example ? `**${exampleLabel}:**\n\n\`\`\`\n${rule.example}\n\`\`\`` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    id: rule.id,
    shortDescription: { text: description },
    fullDescription: { text: rationale ? `${description} — ${rationale}` : description },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity], ...(rule.severity === 'off' ? { enabled: false } : {}) },
    properties: { check: rule.check, tags: [rule.id.split('/')[0] ?? rule.id] },
  };
}

function messageText(d: Diagnostic, l: Labels): string {
  const parts = [d.message];
  if (!isTextLocation(d.location)) {
    const pos = position(d.location, l);
    if (pos) parts.push(`(${pos})`);
  }
  const cmp = comparison(d.data, l);
  if (cmp && !d.message.includes(String(d.data['difference'] ?? '\u0000'))) parts.push(`[${cmp}]`);
  return parts.join(' ');
}

function relatedLocation(rel: RelatedValue, id: number, fileIndex: number, l: Labels): Record<string, unknown> {
  return { id, ...location(rel.location, fileIndex), message: { text: relatedText(rel, l) } };
}

function result(d: Diagnostic, ruleIndex: ReadonlyMap<string, number>, indexOf: (file: string) => number, l: Labels): Record<string, unknown> | JsonObject {
  const idx = ruleIndex.get(d.ruleId);
  const related = (rel: RelatedValue, i: number): Record<string, unknown> => relatedLocation(rel, i + 1, indexOf(rel.location.file), l);
  // a result with thousands of related locations (a sum over a long table) is written in pieces too
  const relatedLocations = d.related.length === 0 ? undefined : d.related.length > JSON_BATCH ? new JsonArray(mapIndexed(d.related, related)) : d.related.map(related);
  const members: Array<[string, unknown]> = [
    ['ruleId', d.ruleId],
    ['ruleIndex', idx],
    ['level', LEVEL[d.severity]],
    ['message', { text: messageText(d, l) }],
    ['locations', [location(d.location, indexOf(d.location.file))]],
    ['partialFingerprints', { [FINGERPRINT_KEY]: d.fingerprint }],
    ['relatedLocations', relatedLocations],
    ['suppressions', d.suppressed ? [{ kind: 'external', status: 'accepted', justification: d.suppressed.reason }] : undefined],
    ['properties', { instance: d.instance, messageId: d.messageId, data: d.data, where: where(d.location, l) }],
  ];
  return relatedLocations instanceof JsonArray ? new JsonObject(members) : Object.fromEntries(members.filter(([, v]) => v !== undefined));
}

function* mapIndexed<T, U>(items: readonly T[], f: (item: T, i: number) => U): Generator<U> {
  for (let i = 0; i < items.length; i++) yield f(items[i]!, i);
}

function* results(run: RunResult, ruleIndex: ReadonlyMap<string, number>, indexOf: (file: string) => number, l: Labels): Generator<Record<string, unknown> | JsonObject> {
  for (const r of run.results) for (const d of r.diagnostics) yield result(d, ruleIndex, indexOf, l);
}

/**
 * SARIF 2.1.0 log (one run): every rule in tool.driver.rules with its help, results with relative
 * URIs, text regions, logical locations (table › row › column), partialFingerprints from the
 * line-independent fingerprint, related locations for the other participating values, and
 * suppressions for findings a baseline accepts. Documents that could not be read become
 * tool execution notifications.
 *
 * In pieces (a few dozen results each) when the run is big, so that the CLI can write a log of
 * 100 000+ results as it is built; a document-sized log is one piece. Joined, they are
 * `JSON.stringify(log, null, 2)` + '\n'. `onePiece`: see jsonDocument.
 */
export const sarifChunkedReporter = function* (run: RunResult, options: ReporterOptions, onePiece = ONE_PIECE_ITEMS): Generator<string, void, undefined> {
  const l = labels(options.lang);
  const ruleIndex = new Map(run.rules.map((r, i) => [r.id, i]));
  // artifacts precede the results in the log: every file is indexed first, documents first, then
  // in the order the results name them (each finding's location, then its related values)
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const add = (file: string): void => {
    if (!fileIndex.has(file)) {
      fileIndex.set(file, files.length);
      files.push(file);
    }
  };
  for (const r of run.results) add(r.file);
  let items = 0;
  for (const r of run.results) {
    items += r.diagnostics.length;
    for (const d of r.diagnostics) {
      add(d.location.file);
      items += d.related.length;
      for (const rel of d.related) add(rel.location.file);
    }
  }
  const indexOf = (file: string): number => fileIndex.get(file)!;
  const fatal = run.results.filter((r) => r.fatal);
  const sarifRun = new JsonObject([
    [
      'tool',
      {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          informationUri: 'https://www.npmjs.com/package/budgetlint',
          rules: run.rules.map((r) => ruleDescriptor(r, options.lang)),
        },
      },
    ],
    [
      'invocations',
      [
        {
          executionSuccessful: fatal.length === 0,
          toolExecutionNotifications: fatal.map((r) => ({
            level: 'error',
            message: { text: r.fatal!.message },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file, indexOf(r.file)) } }],
          })),
        },
      ],
    ],
    ['originalUriBaseIds', { [SRCROOT]: { description: { text: 'The directory budgetlint ran in; document paths are relative to it.' } } }],
    ['artifacts', files.map((f) => ({ location: { uri: artifactUri(f), ...(artifactUri(f).startsWith('file:') ? {} : { uriBaseId: SRCROOT }) }, roles: ['analysisTarget'] }))],
    ['columnKind', 'utf16CodeUnits'],
    ['results', new JsonArray(results(run, ruleIndex, indexOf, l))],
    ['properties', { totals: runTotals(run.results) }],
  ]);
  const log = new JsonObject([
    ['$schema', SARIF_SCHEMA_URI],
    ['version', '2.1.0'],
    ['runs', new JsonArray([sarifRun])],
  ]);
  yield* jsonDocument(log, items, onePiece);
} satisfies ChunkedReporter;

/** The SARIF log as one string (see sarifChunkedReporter). */
export const sarifReporter: Reporter = (run, options) => joinChunks(sarifChunkedReporter(run, options));
