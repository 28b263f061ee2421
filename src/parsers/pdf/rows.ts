import { isNumberedLabel, isTotalLabel } from '../row-parse.js';
import { objectList } from '../../model/lists.js';
import { pageLocation } from '../../model/location.js';
import { layoutLine, type LayoutCell, type LayoutLine } from '../layout.js';
import { columnAt, type ColumnModel } from './columns.js';
import { joinFragments, type Fragment, type PhysLine } from './geometry.js';

/** A body line with its fragments sorted into the model's columns. */
interface Placed {
  readonly line: PhysLine;
  readonly cols: readonly Fragment[][];
  readonly anchor: boolean;
}

/** One table row: the printed lines that make it up (a label may wrap over two or three lines). */
interface Band {
  lines: Placed[];
  top: number;
  bottom: number;
}

function isLabelRole(model: ColumnModel, c: number): boolean {
  const role = model.roles[c]?.role;
  return role === 'name' || role === 'label';
}

function place(line: PhysLine, model: ColumnModel): Placed {
  const cols: Fragment[][] = model.leaves.map(() => []);
  for (const f of line.fragments) cols[columnAt(model, (f.x0 + f.x1) / 2)]!.push(f);
  let anchor = false;
  cols.forEach((frags, c) => {
    if (frags.length === 0) return;
    if (!isLabelRole(model, c)) anchor = true;
    else {
      const t = joinFragments(frags);
      if (isNumberedLabel(t) || isTotalLabel(t)) anchor = true;
    }
  });
  return { line, cols, anchor };
}

function gap(band: Band, line: PhysLine): number {
  return line.top >= band.top ? line.top - band.bottom : band.top - line.bottom;
}

/** Two sets of lines can form one row when no column holds text in both (labels may continue). */
function compatible(band: Band, p: Placed, model: ColumnModel): boolean {
  return p.cols.every((frags, c) => {
    if (frags.length === 0) return true;
    const taken = band.lines.some((l) => l.cols[c]!.length > 0);
    if (!taken) return true;
    if (!isLabelRole(model, c)) return false;
    const t = joinFragments(frags);
    return !isNumberedLabel(t) && !isTotalLabel(t);
  });
}

function add(band: Band, p: Placed): void {
  band.lines.push(p);
  band.top = Math.min(band.top, p.line.top);
  band.bottom = Math.max(band.bottom, p.line.bottom);
}

/**
 * Rebuilds table rows from body lines: lines with amounts, codes, totals or numbered labels anchor a
 * row (an anchor touching the row above with no column in common joins it, as when a wrapped label's
 * first line stands above the amounts); lines holding only label text join the nearest row.
 */
export function assembleRows(body: readonly PhysLine[], model: ColumnModel, file: string): LayoutLine[] {
  const placed = body.map((l) => place(l, model));
  const bands: Band[] = [];
  for (const p of placed) {
    if (!p.anchor) continue;
    const last = bands[bands.length - 1];
    if (last && gap(last, p.line) < p.line.size * 0.5 && compatible(last, p, model)) add(last, p);
    else bands.push({ lines: [p], top: p.line.top, bottom: p.line.bottom });
  }
  // Label lines join the nearest row, the closest first: a label wrapped over three or four lines
  // around its amounts reaches its row through its own nearer lines.
  const rest = placed.filter((p) => !p.anchor);
  while (rest.length > 0) {
    let pick = -1;
    let best: Band | undefined;
    let bestGap = Infinity;
    rest.forEach((p, k) => {
      for (const b of bands) {
        const g = gap(b, p.line);
        if (g < bestGap - 0.01) {
          pick = k;
          best = b;
          bestGap = g;
        }
      }
    });
    if (!best || bestGap >= rest[pick]!.line.size * 0.8) break;
    add(best, rest.splice(pick, 1)[0]!);
  }
  for (const p of rest) bands.push({ lines: [p], top: p.line.top, bottom: p.line.bottom });
  bands.sort((a, b) => a.top - b.top);
  return bands.map((b) => toLayout(b, model, file));
}

function toLayout(band: Band, model: ColumnModel, file: string): LayoutLine {
  const lines = [...band.lines].sort((a, b) => a.line.top - b.line.top);
  const anchor = lines.find((l) => l.anchor) ?? lines[0]!;
  const cells = objectList<LayoutCell>();
  for (let c = 0; c < model.leaves.length; c++) {
    const parts = lines.filter((l) => l.cols[c]!.length > 0);
    const text = parts.map((l) => joinFragments(l.cols[c]!)).join('');
    const at = parts[0]?.line ?? anchor.line;
    cells.push({ text, location: pageLocation(file, at.page, at.line, c + 1) });
  }
  return layoutLine(cells, pageLocation(file, anchor.line.page, anchor.line.line, 1), true);
}

/** The synthetic header lines of a table part, one per header level. */
export function headerLayout(model: ColumnModel, header: readonly PhysLine[], file: string): LayoutLine[] {
  return model.headerRows.map((row, r) => {
    const at = header[Math.min(r, header.length - 1)]!;
    const cells = objectList<LayoutCell>();
    row.forEach((text, c) => cells.push({ text, location: pageLocation(file, at.page, at.line, c + 1) }));
    return layoutLine(cells, pageLocation(file, at.page, at.line, 1), true);
  });
}
