// Numbers, percentages and dates in the reader's language for
// <stack-advisor>. No DOM and no globals: every function here runs (and is
// tested) in Node.

/**
 * Formats a number for `lang` with at most `digits` fraction digits.
 * Non-finite input gives an em dash rather than "NaN".
 */
export function formatNumber(value, lang = 'en', digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return plainEnglish(lang, value, digits, '') ?? formatter(Intl.NumberFormat, lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

// English numbers without Intl. The first Intl.NumberFormat a page creates
// costs Chromium 11-19 ms (its number-formatting data is set up then), more
// than the engine's first answer; the widget's figures in English need
// none of it. The output equals Intl's for `en`, `en-US` and `en-GB` (the
// test in tests/unit/format.test.mjs compares them over many values): the
// shortest decimal form of the double (String(), as ICU uses), shifted two
// places for a percentage, rounded half away from zero (Intl's default
// "halfExpand") on those decimal digits, trailing zeros dropped, and commas
// between thousands. Other languages, and exponent forms, go to Intl.
const PLAIN_ENGLISH = new Set(['en', 'en-US', 'en-GB']);

/** `value` for `lang` with at most `digits` fraction digits (and `suffix` "%" for ×100), or null. */
export function plainEnglish(lang, value, digits, suffix) {
  const text = String(Math.abs(value));
  if (!PLAIN_ENGLISH.has(lang) || text.includes('e')) return null;
  const point = text.indexOf('.');
  let whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? '' : text.slice(point + 1);
  if (suffix) {
    fraction = fraction.padEnd(2, '0');
    whole += fraction.slice(0, 2);
    fraction = fraction.slice(2);
  }
  let digitsKept = whole + fraction.slice(0, digits);
  if (fraction.length > digits && fraction[digits] >= '5') {
    // Add one in the last kept place, carrying leftwards.
    let i = digitsKept.length - 1;
    while (i >= 0 && digitsKept[i] === '9') i -= 1;
    digitsKept = (i < 0 ? '1' : digitsKept.slice(0, i) + String(Number(digitsKept[i]) + 1)) + '0'.repeat(digitsKept.length - 1 - i);
  }
  const cut = digitsKept.length - Math.min(digits, fraction.length);
  whole = digitsKept.slice(0, cut).replace(/^0+(?=\d)/, '');
  fraction = digitsKept.slice(cut).replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + whole + (fraction ? '.' + fraction : '') + suffix;
}

const formatters = new Map();

/**
 * One Intl formatter per kind, language and options, made on first use:
 * creating one costs far more than formatting (it was a third of the time
 * an answer took to render).
 */
export function formatter(Kind, lang, options) {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Kind(lang, options)));
  return made;
}

/**
 * Formats option scores (0..100) so that different scores never look equal:
 * whole numbers, or one decimal when two scores would otherwise round alike.
 * Returns option id → string.
 */
export function formatScores(scores, lang = 'en') {
  const values = Object.values(scores || {});
  const rounded = values.map((v) => Math.round(v));
  const clash = rounded.some((r, i) => rounded.indexOf(r) !== i && values[i] !== values[rounded.indexOf(r)]);
  const out = {};
  for (const [id, v] of Object.entries(scores || {})) out[id] = formatNumber(v, lang, clash ? 1 : 0);
  return out;
}

/**
 * A probability (0..1) as a percentage that never claims certainty the
 * Monte Carlo cannot give: "<1%" and ">99%" at the ends.
 */
export function formatPercent(p, lang = 'en') {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  const pct = (x) => plainEnglish(lang, x, 0, '%') ?? formatter(Intl.NumberFormat, lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  if (p > 0 && p < 0.005) return '<' + pct(0.01);
  // 1,990 wins in 2,000 samples is not certainty either: at 99.5% and up, ">99%".
  if (p < 1 && p >= 0.995) return '>' + pct(0.99);
  return pct(p);
}

/**
 * A source date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in the reader's language.
 * Anything else is returned unchanged.
 */
export function formatDate(date, lang = 'en') {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(date ?? ''));
  if (!m) return String(date ?? '');
  const [, y, mo, d] = m;
  if (!mo) return y;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const opts = d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return formatter(Intl.DateTimeFormat, lang, opts).format(when);
}

/** The year of a source date, for the short citation chip. */
export function sourceYear(date) {
  const m = /^(\d{4})/.exec(String(date ?? ''));
  return m ? m[1] : String(date ?? '');
}
