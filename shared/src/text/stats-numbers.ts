/*
 * Analytics numbers as text, the same in the editor's Stats panel and in `nudgeflow stats`. A fixed
 * locale: "1,204" must not turn into "1 204" on a Czech machine half-way through an English sentence.
 */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,204". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/**
 * "38 %" of `whole`, or "—" when there is no whole (nothing sent). Never rounds a few to none or
 * most to all: 1 of 300 is "<1 %", 299 of 300 is ">99 %".
 */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const percent = Math.round((part / whole) * 100);
  if (part > 0 && percent === 0) return '<1 %';
  if (part < whole && percent === 100) return '>99 %';
  return `${percent} %`;
}

/** "12,480 CZK", with cents only where there are any ("1,249.50 EUR"). */
export function formatMoney(total: number, currency: string): string {
  return `${Number.isInteger(total) ? counts.format(total) : cents.format(total)} ${currency}`;
}
