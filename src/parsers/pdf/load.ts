import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { InputError } from '../../errors.js';

/** One text run of a page as PDF.js reports it, in top-down page coordinates (points). */
export interface RawItem {
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Baseline distance from the top of the page. */
  readonly baseline: number;
  readonly width: number;
  /** Font size (em height). */
  readonly size: number;
}

export interface RawPage {
  /** 1-based page number. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly RawItem[];
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfjsModule> | undefined;
let assetDirs: { cmaps: string; fonts: string } | undefined;

/**
 * PDF.js is large; it is loaded on the first PDF only, so text-only runs do not pay for it. Its
 * legacy build installs core-js replacements of Array.prototype.push, JSON.parse and JSON.stringify
 * that slow every later push and JSON call of the process several-fold; the native functions are
 * put back (PDF.js works with them on Node 20; the polyfills only fix edge cases it does not meet).
 */
async function pdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const m = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Node runs PDF.js's worker in this thread ("fake worker"); loading it here lets its polyfills be undone too.
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    const restore = (target: object, key: string, value: unknown): void => {
      if ((target as Record<string, unknown>)[key] !== value) Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
    };
    restore(Array.prototype, 'push', natives.push);
    restore(JSON, 'parse', natives.parse);
    restore(JSON, 'stringify', natives.stringify);
    return m;
  })();
  return pdfjsPromise;
}

/** Bundled CMaps and standard fonts, resolved from the installed package (works from dist/ and tests). */
function assets(): { cmaps: string; fonts: string } {
  if (!assetDirs) {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    assetDirs = { cmaps: join(root, 'cmaps') + sep, fonts: join(root, 'standard_fonts') + sep };
  }
  return assetDirs;
}

/** Text runs left to right, upright, in top-down device space (the y axis points down). */
function isHorizontal(m: readonly number[]): boolean {
  return Math.abs(m[1]!) < 1e-3 * Math.abs(m[0]!) + 1e-6 && Math.abs(m[2]!) < 1e-3 * Math.abs(m[3]!) + 1e-6 && m[0]! > 0 && m[3]! < 0;
}

/** Quarter turns (0–3) of the text direction of a run in device space. */
function turnOf(m: readonly number[]): number {
  const a = Math.atan2(m[1]!, m[0]!);
  return ((Math.round(a / (Math.PI / 2)) % 4) + 4) % 4;
}

/**
 * The quarter turn most text of a page is set in: a table printed sideways on a portrait page
 * without /Rotate is read by turning the page back.
 */
function dominantTurn(ms: readonly (readonly number[])[]): number {
  const counts = [0, 0, 0, 0];
  for (const m of ms) counts[turnOf(m)]!++;
  return counts.indexOf(Math.max(...counts));
}

/** Turns a device-space run matrix back by `turn` quarter turns so its text runs left to right. */
function rotate(m: readonly number[], turn: number, w: number, h: number): number[] {
  let [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  for (let k = 0; k < turn; k++) {
    // One clockwise quarter turn in y-down space: (x, y) → (H − y, x) with H the current height.
    const H = k % 2 === 0 ? h : w;
    [a, b, c, d, e, f] = [-b, a, -d, c, H - f, e];
  }
  return [a, b, c, d, e, f];
}

/**
 * Opens a PDF and returns the positioned text runs of every page. Encrypted, damaged and
 * non-PDF inputs become one-line InputErrors; PDF.js runs without network, worker thread or console output.
 */
export async function loadPdf(bytes: Uint8Array, file: string): Promise<RawPage[]> {
  const lib = await pdfjs();
  const { cmaps, fonts } = assets();
  // PDF.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const data = new Uint8Array(bytes);
  const task = lib.getDocument({
    data,
    cMapUrl: cmaps,
    cMapPacked: true,
    standardFontDataUrl: fonts,
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw openError(e, file);
  }
  try {
    const pages: RawPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // The viewport applies the page's /Rotate and flips to top-down coordinates.
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Array<{ text: string; m: number[]; width: number; height: number }> = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        runs.push({ text: it.str, m: lib.Util.transform(viewport.transform, it.transform) as number[], width: it.width, height: it.height });
      }
      const turn = (4 - dominantTurn(runs.map((r) => r.m))) % 4;
      const [w, h] = turn % 2 === 0 ? [viewport.width, viewport.height] : [viewport.height, viewport.width];
      const items: RawItem[] = [];
      for (const r of runs) {
        const m = rotate(r.m, turn, viewport.width, viewport.height);
        if (!isHorizontal(m)) continue;
        const size = Math.hypot(m[2]!, m[3]!) || r.height || 1;
        items.push({ text: r.text, x: m[4]!, baseline: m[5]!, width: r.width, size });
      }
      pages.push({ number: n, width: w, height: h, items });
    }
    return pages;
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(`${file}: damaged PDF (${messageOf(e)})`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.slice(0, 120);
}

function openError(e: unknown, file: string): InputError {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new InputError(`${file}: the PDF is encrypted (password required); cannot read it`);
  if (name === 'InvalidPDFException') return new InputError(`${file}: not a valid PDF or the file is damaged (${messageOf(e)})`);
  return new InputError(`${file}: cannot read PDF (${messageOf(e)})`);
}
