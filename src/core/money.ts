/** Money and number formatting that never depends on the machine's locale. */

/** $480k, $1.2M, $950: short forms for tables and messages. */
export function formatMoney(dollars: number): string {
  const sign = dollars < 0 ? '-' : '';
  const abs = Math.abs(dollars);
  // Up to the $1 trillion the schema allows (and sums of such accounts): "$1T", not "$1000B".
  const units: [number, string][] = [
    [1_000_000_000_000, 'T'],
    [1_000_000_000, 'B'],
    [1_000_000, 'M'],
    [1_000, 'k'],
    [1, ''],
  ];
  for (let i = 0; i < units.length; i++) {
    const [size, suffix] = units[i] as [number, string];
    if (abs < size && size > 1) continue;
    const shown = size === 1 ? String(Math.round(abs)) : trim(abs / size);
    // $999,999 would round to "1000k": say $1M instead.
    const bigger = units[i - 1];
    if (shown === '1000' && bigger) return `${sign}$1${bigger[1]}`;
    return `${sign}$${shown}${suffix}`;
  }
  return `${sign}$0`;
}

function trim(value: number): string {
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return String(rounded);
}

/**
 * Amounts side by side, each as short as `formatMoney` allows while amounts that differ still
 * read differently: "$1.96M" beside "$2.04M" rather than "$2M" twice. More decimals of the same
 * unit first, then whole dollars with commas.
 */
export function formatMoneyApart(amounts: number[]): string[] {
  const distinct = (shown: string[]) =>
    amounts.every((a, i) =>
      amounts.every((b, j) => Math.round(a) === Math.round(b) || shown[i] !== shown[j]),
    );
  const short = amounts.map(formatMoney);
  if (distinct(short)) return short;
  for (const decimals of [2, 3, 4]) {
    const shown = amounts.map((a) => formatMoneyDecimals(a, decimals));
    if (distinct(shown)) return shown;
  }
  return amounts.map((a) => `${a < 0 ? '-' : ''}$${formatCount(Math.round(Math.abs(a)))}`);
}

/** formatMoney's unit with up to `decimals` decimals, trailing zeros dropped. */
function formatMoneyDecimals(dollars: number, decimals: number): string {
  const sign = dollars < 0 ? '-' : '';
  const abs = Math.abs(dollars);
  for (const [size, suffix] of [
    [1_000_000_000, 'B'],
    [1_000_000, 'M'],
    [1_000, 'k'],
  ] as const) {
    if (abs < size) continue;
    let shown = (abs / size).toFixed(decimals);
    while (shown.includes('.') && (shown.endsWith('0') || shown.endsWith('.')))
      shown = shown.slice(0, -1);
    return `${sign}$${shown}${suffix}`;
  }
  return `${sign}$${Math.round(abs)}`;
}

/** 12,345 with a comma every three digits, whatever the locale. */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** One decimal place, dropping ".0": 2.5, 3, 0.8. */
export function formatFte(value: number): string {
  if (value > 0 && value < 0.05) return '<0.1';
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function formatPct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "1st", "2nd", "5th", "11th": English ordinals, locale-independent. */
export function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}
