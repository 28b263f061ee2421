import { formatDecimal, makeAmount, type Unit } from '../../model/amount.js';
import { EMPTY_INTERVAL, intervalOf, type Interval } from '../../engine/interval.js';
import type { RelatedTarget, Target } from '../../engine/define-check.js';
import type { FundEntry, PerformanceForm } from './forms.js';
import { formSubject } from './forms.js';

/** The interval (in 元) a fund value stands for in `unit`; a blank line is an exact zero. */
export function entryInterval(e: FundEntry, unit: Unit): Interval {
  if (typeof e.value !== 'object') return EMPTY_INTERVAL;
  return intervalOf(makeAmount(e.value.raw, e.value.value, e.value.scale, e.value.unit ?? unit));
}

/** Decimals to print a comparison with: the most any participant printed. */
export function scaleOf(entries: readonly FundEntry[]): number {
  return Math.max(0, ...entries.map((e) => (typeof e.value === 'object' ? e.value.scale : 0)));
}

/** The printed value of a fund line ("(blank)" for a line without amount). */
export function printed(e: FundEntry): string {
  return typeof e.value === 'object' ? formatDecimal(e.value.value, e.value.scale) : '(blank)';
}

/** Points at a fund line of a form, with the form as table, its project as row and the label as field. */
export function entryTarget(form: PerformanceForm, e: FundEntry): Target {
  return { location: { ...e.location, table: form.title, tableKind: 'unknown', row: formSubject(form), field: e.label.text } };
}

/** A fund line as a related value; `unit` is the form's unit as shown in messages (none when not printed). */
export function entryRelated(form: PerformanceForm, e: FundEntry, unit: string | undefined): RelatedTarget {
  return {
    at: entryTarget(form, e),
    label: `绩效目标表 ${formSubject(form)} / ${e.label.text}`,
    value: printed(e),
    ...(unit ? { unit: e.value !== 'blank' && e.value !== 'unreadable' && e.value.unit ? e.value.unit : unit } : {}),
  };
}
