import type { Row, Side, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';
import { lineKinds } from './line-kinds.js';
import { NamedRows } from './named-rows.js';

/**
 * A numbered line of a summary table with the numbered sub-lines printed under it: the Ministry of
 * Finance layout's T4 has "一、本年收入" and "二、上年结转", each over "1. 一般公共预算资金 / 2. 政府性基金预算资金 /
 * 3. 国有资本经营预算资金", so a fund's name alone names two lines and only its group tells them apart.
 */
export interface LineGroup {
  readonly head: Row;
  /** The sub-lines (1. 2. 3. or （一）…) that follow the head on its side, in row order; may be empty. */
  readonly subs: NamedRows<Row>;
}

/** The group whose numbered line on `side` is named `head` (numbering ignored, as NamedRows finds it), if any. */
export function lineGroup(table: Table, side: Side | undefined, head: string): LineGroup | undefined {
  const groups = groupsOf(table);
  const key = `${side ?? 'any'}:${head}`;
  let group = groups.get(key);
  if (group === undefined) groups.set(key, (group = findGroup(table, side, head) ?? null));
  return group ?? undefined;
}

/** Each table's groups by side and head name, found once for all the references into them (null: none). */
const groupsOf = oncePer((_: Table): Map<string, LineGroup | null> => new Map());

function findGroup(table: Table, side: Side | undefined, head: string): LineGroup | undefined {
  const kinds = lineKinds(table);
  const rows = table.rows;
  // the head is a numbered line (一、): a plain line of the same name is not a group
  const heads: Row[] = [];
  for (let i = 0; i < rows.length; i++) if (kinds[i] === 'top' && (side === undefined || rows[i]!.side === side)) heads.push(rows[i]!);
  const found = new NamedRows(heads).find(head);
  if (found === undefined) return undefined;
  const subs: Row[] = [];
  // the lines of the other side are interleaved with this side's in row order: skipped, not ends
  for (let i = rows.indexOf(found) + 1; i < rows.length; i++) {
    if (rows[i]!.side !== found.side) continue;
    if (kinds[i] !== 'sub') break;
    subs.push(rows[i]!);
  }
  return { head: found, subs: new NamedRows(subs) };
}
