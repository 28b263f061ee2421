import { STARTS_WITH_FIELD } from '../form-fields.js';
import { chunks, joinFragments, type Fragment, type PhysLine } from './geometry.js';

/**
 * A long project name wraps inside its cell of a 绩效目标 form, and the cell's lines are centred on the
 * row: "新建…服务中心" above the line of "项目名称 | 及配套…二期建 | 项目性质 …", "设项目" below it (or no
 * line of the name beside the label at all, when it has two or four lines). The text layer gives each
 * of them a line of its own, so the name is read from one of them only. Here the lines of the name's
 * cell are put back into the label's line, as one text, by their geometry only:
 * - the cell is the room between the 项目名称 label and the next field label of its line (项目性质 …);
 * - a line of the cell touches the one before it (wrapped lines of a cell are set less than half an
 *   em apart, rows of the form further apart), has nothing in the label column (a line with a label
 *   there starts the next row), and holds exactly one run of text inside the cell, in the size of the
 *   label, starting where the cell's other lines start or centred where they are;
 * - lines above the label's line are taken as well as lines below (not the form's subtitle).
 * A line left with nothing once its run is taken is dropped; one with other runs (cells of the same row
 * to the right) keeps them. Lines are otherwise unchanged (same page and line numbers).
 */

const NAME_LABEL = /^项目名称[:：]?$/;
// the fields printed after the project name on its line (as tokens.ts NAME_END)
const GAP_EM = 1.5;
const SUBTITLE = /^[（(][^）)]{0,20}[）)]$/;

interface Cell {
  readonly left: number;
  readonly right: number;
  readonly size: number;
}

/** A run of fragments. */
type Run = readonly Fragment[];

function x0(run: Run): number {
  return run[0]!.x0;
}

function x1(run: Run): number {
  return run[run.length - 1]!.x1;
}

/** The one run of `line` inside the cell that may continue the name, or undefined. */
function cellRun(line: PhysLine, cell: Cell): Run | undefined {
  if (Math.abs(line.size - cell.size) > 0.15 * cell.size) return undefined;
  const runs = chunks(line.fragments, GAP_EM);
  const slack = 0.2 * cell.size;
  // something in the label column: the next row
  if (runs.some((r) => x0(r) < cell.left - slack)) return undefined;
  const inside = runs.filter((r) => x0(r) >= cell.left - slack && x1(r) <= cell.right + slack);
  if (inside.length !== 1) return undefined;
  const text = joinFragments(inside[0]!);
  return STARTS_WITH_FIELD.test(text) || /[:：]/.test(text) ? undefined : inside[0];
}

/** The runs are lines of one cell: they start where the widest starts, or are centred where it is. */
function aligned(runs: readonly Run[], size: number): boolean {
  const widest = runs.reduce((a, b) => (x1(b) - x0(b) > x1(a) - x0(a) ? b : a));
  const mid = (r: Run): number => (x0(r) + x1(r)) / 2;
  return runs.every((r) => Math.abs(x0(r) - x0(widest)) < size || Math.abs(mid(r) - mid(widest)) < size);
}

/** True when `b` is set right under `a` (less than half an em between, or overlapping). */
function touches(a: PhysLine, b: PhysLine, size: number): boolean {
  return a.page === b.page && b.top - a.bottom < 0.5 * size;
}

function withoutRun(line: PhysLine, run: Run): PhysLine | undefined {
  const fragments = line.fragments.filter((f) => !run.includes(f));
  if (fragments.length === 0) return undefined;
  return { ...line, fragments, x0: fragments[0]!.x0, x1: fragments[fragments.length - 1]!.x1 };
}

/** The lines of a form with each wrapped project name joined into its label's line. */
export function joinWrappedNames(lines: readonly PhysLine[]): PhysLine[] {
  const out: Array<PhysLine | undefined> = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const line = out[i];
    if (!line) continue;
    const runs = chunks(line.fragments, GAP_EM);
    const k = runs.findIndex((r) => NAME_LABEL.test(joinFragments(r)));
    if (k < 0) continue;
    const label = runs[k]!;
    const next = runs[k + 1];
    const own = next !== undefined && !STARTS_WITH_FIELD.test(joinFragments(next)) ? next : undefined;
    const after = runs[own ? k + 2 : k + 1];
    const cell: Cell = { left: x1(label), right: after ? x0(after) : Infinity, size: label[0]!.size };
    const above: Array<{ at: number; run: Run }> = [];
    const below: Array<{ at: number; run: Run }> = [];
    for (let j = i - 1, top = line; j >= 0 && out[j] && touches(out[j]!, top, cell.size); j--) {
      const run = cellRun(out[j]!, cell);
      // the form's first line may be its subtitle ("（2024年度）"), set close above the first row
      if (!run || (j === 0 && SUBTITLE.test(joinFragments(run)))) break;
      above.unshift({ at: j, run });
      top = out[j]!;
    }
    for (let j = i + 1, bottom = line; j < lines.length && out[j] && touches(bottom, out[j]!, cell.size); j++) {
      const run = cellRun(out[j]!, cell);
      if (!run) break;
      below.push({ at: j, run });
      bottom = out[j]!;
    }
    if (above.length === 0 && below.length === 0) continue;
    const parts = [...above.map((a) => a.run), ...(own ? [own] : []), ...below.map((b) => b.run)];
    if (!aligned(parts, cell.size)) continue;
    const joined: Fragment = {
      text: parts.map((r) => joinFragments(r)).join(''),
      x0: Math.min(...parts.map(x0)),
      x1: Math.max(...parts.map(x1)),
      top: line.top,
      bottom: line.bottom,
      size: cell.size,
    };
    const fragments = [...line.fragments.filter((f) => !own?.includes(f)), joined].sort((a, b) => a.x0 - b.x0);
    out[i] = { ...line, fragments, x0: fragments[0]!.x0, x1: fragments[fragments.length - 1]!.x1 };
    for (const { at, run } of [...above, ...below]) out[at] = withoutRun(out[at]!, run);
  }
  return out.filter((l): l is PhysLine => l !== undefined);
}
