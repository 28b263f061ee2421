import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { BaselineReport } from '../baseline/apply.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { jsonReportParts } from '../reporters/json.js';
import { junitReportParts, type JunitTotals } from '../reporters/junit.js';
import { prettyReportParts } from '../reporters/pretty.js';
import type { ReporterOptions } from '../reporters/types.js';
import { InOrder } from './in-order.js';
import { writeChunks, type OutStream } from './io.js';
import { openReport, type ReportFile } from './outputs.js';
import type { ProgressLine } from './progress.js';
import { temporaryFolder } from './temporary-folder.js';

/**
 * Where one report goes: stdout and/or report files. The progress line (stderr, on a terminal) is
 * cleared while stdout is written and drawn again after, so that the two never share a line.
 */
class Destinations {
  constructor(
    private readonly stdout: OutStream | undefined,
    private readonly files: readonly ReportFile[],
    private readonly progress: ProgressLine | undefined,
  ) {}

  async write(pieces: Iterable<string>): Promise<void> {
    const text = [...pieces];
    for (const f of this.files) f.write(text);
    if (!this.stdout) return;
    this.progress?.pause();
    try {
      await writeChunks(this.stdout, text);
    } finally {
      this.progress?.resume();
    }
  }

  close(): void {
    for (const f of this.files) f.close();
  }
}

/** One report written while checking: its start, each document in input order, its end. */
interface StreamedReport {
  start(): Promise<void>;
  document(r: DocumentResult, index: number): Promise<void>;
  finish(results: readonly DocumentResult[], baseline: BaselineReport | undefined): Promise<void>;
  close(): void;
}

/** The JSON report: head, each document's result, totals (jsonReportParts). */
class StreamedJson implements StreamedReport {
  constructor(private readonly to: Destinations) {}
  start(): Promise<void> {
    return this.to.write([jsonReportParts.head()]);
  }
  document(r: DocumentResult, index: number): Promise<void> {
    return this.to.write(jsonReportParts.document(r, index));
  }
  finish(results: readonly DocumentResult[], baseline: BaselineReport | undefined): Promise<void> {
    return this.to.write([jsonReportParts.tail(results, baseline)]);
  }
  close(): void {
    this.to.close();
  }
}

/**
 * The JUnit report: its head carries the totals of every suite, so the suites are built as the
 * results come and kept in a temporary file until the end, then written after the head.
 */
class StreamedJunit implements StreamedReport {
  private readonly totals: JunitTotals = junitReportParts.emptyTotals();
  private documents = 0;
  private spool: { readonly dir: string; readonly file: ReportFile; readonly path: string } | undefined;

  constructor(
    private readonly to: Destinations,
    private readonly lang: 'zh' | 'en',
  ) {}

  async start(): Promise<void> {
    const dir = temporaryFolder('budgetlint-junit-', 'the JUnit report');
    const path = join(dir, 'suites.xml');
    this.spool = { dir, path, file: openReport(dir, path) };
  }

  async document(r: DocumentResult, index: number): Promise<void> {
    const suite = junitReportParts.plan(r);
    junitReportParts.add(this.totals, suite);
    this.documents++;
    this.spool!.file.write(junitReportParts.suite(suite, index, this.lang));
  }

  async finish(): Promise<void> {
    const spool = this.spool!;
    spool.file.close();
    await this.to.write([junitReportParts.head(this.totals)]);
    await this.to.write(spooled(spool.path));
    await this.to.write([junitReportParts.tail(this.documents)]);
  }

  close(): void {
    this.to.close();
    if (this.spool) rmSync(this.spool.dir, { recursive: true, force: true });
  }
}

/** The terminal report: each document's section, then the stale baseline entries and the total (prettyReportParts). */
class StreamedPretty implements StreamedReport {
  private readonly parts: ReturnType<typeof prettyReportParts>;
  constructor(
    private readonly to: Destinations,
    options: ReporterOptions,
  ) {
    this.parts = prettyReportParts(options);
  }
  async start(): Promise<void> {}
  document(r: DocumentResult): Promise<void> {
    return this.to.write([this.parts.document(r)]);
  }
  finish(results: readonly DocumentResult[], baseline: BaselineReport | undefined): Promise<void> {
    return this.to.write([this.parts.tail(results, baseline)]);
  }
  close(): void {
    this.to.close();
  }
}

/**
 * The reports written while the documents are checked: those that list every rule instance (the
 * formats of kept-outcomes.ts LISTS_EVERY_INSTANCE; a test holds them among these) and the terminal
 * report. The terminal report is streamed with or without --show-passed: a run then shows each
 * document's findings as soon as it is checked rather than after the whole batch, the default run
 * and --show-passed take the same path (and its tests), and the work is the same, only spread out.
 */
const STREAMED: Readonly<Record<string, (to: Destinations, options: ReporterOptions) => StreamedReport>> = {
  json: (to) => new StreamedJson(to),
  junit: (to, options) => new StreamedJunit(to, options.lang),
  pretty: (to, options) => new StreamedPretty(to, options),
};

export const STREAMED_FORMATS: ReadonlySet<string> = new Set(Object.keys(STREAMED));

/** A file's UTF-8 text in pieces of about 1 MiB (never a character cut in two). */
function* spooled(path: string): Generator<string, void, undefined> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield decoder.write(buffer.subarray(0, n));
    yield decoder.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * The reports written while a batch is checked (JSON, JUnit, the terminal report): each document's
 * result goes out as soon as the results before it have, so the run keeps only what its other
 * reports need (every rule instance is ~0.3 MB per document, held until the end otherwise). The
 * text is each reporter's, byte for byte.
 */
export class ReportStreams {
  private readonly order = new InOrder<DocumentResult>(async (r, i) => {
    for (const report of this.reports) await report.document(r, i);
  });

  private constructor(private readonly reports: readonly StreamedReport[]) {}

  /**
   * Opens the streamed reports of a run (undefined when it has none): `stdoutFormat` when it is one
   * of STREAMED_FORMATS, and the --output files of those formats. `options.color` is stdout's (files
   * are never coloured); `progress` is the progress line to keep out of stdout's way.
   */
  static open(
    stdout: OutStream,
    stdoutFormat: string | undefined,
    files: ReadonlyArray<{ readonly format: string; readonly file: string }>,
    cwd: string,
    options: ReporterOptions,
    progress?: ProgressLine,
  ): ReportStreams | undefined {
    const reports: StreamedReport[] = [];
    const plain = { ...options, color: false };
    try {
      for (const format of STREAMED_FORMATS) {
        const own = files.filter((o) => o.format === format);
        const toStdout = stdoutFormat === format;
        if (!toStdout && own.length === 0) continue;
        const opened = own.map((o) => openReport(cwd, o.file));
        if (toStdout && options.color) {
          // a coloured stdout has text of its own; the files share the plain text
          reports.push(STREAMED[format]!(new Destinations(stdout, [], progress), options));
          if (opened.length > 0) reports.push(STREAMED[format]!(new Destinations(undefined, opened, undefined), plain));
        } else reports.push(STREAMED[format]!(new Destinations(toStdout ? stdout : undefined, opened, progress), plain));
      }
    } catch (e) {
      for (const r of reports) r.close();
      throw e;
    }
    return reports.length > 0 ? new ReportStreams(reports) : undefined;
  }

  /** Writes what goes before the first document; call before the first put. */
  async start(): Promise<void> {
    for (const r of this.reports) await r.start();
  }

  /** The result of the document at `index` of the run's inputs (each index once, in any order). */
  put(index: number, result: DocumentResult): void {
    this.order.put(index, result);
  }

  /** Resolves once every result put so far that can go (none missing before it) is written. */
  written(): Promise<void> {
    return this.order.done();
  }

  /** Waits for every result to be written, then ends each report with the run's totals and baseline. */
  async finish(results: readonly DocumentResult[], baseline: BaselineReport | undefined): Promise<void> {
    await this.order.done();
    for (const r of this.reports) await r.finish(results, baseline);
  }

  close(): void {
    for (const r of this.reports) r.close();
  }
}
