// Interface strings of the matrix-error list, the TOPSIS second opinion and
// "Calibrate my priorities", in English. A locale carries its own under the
// key `mcda` (German's are in i18n/de.js; `StackAdvisorElement.locales.fr =
// { ..., mcda: {...} }`); anything it leaves out falls back to English.

const SAATY_WORDS_EN = { 3: 'moderately', 5: 'strongly', 7: 'very strongly', 9: 'extremely' };

export const MCDA_STRINGS = {
  en: {
    issuesHeading: (n) => (n === 1 ? 'The problem:' : `The ${n} problems:`),
    issueFix: 'Fix:',
    moreIssues: (n) => `… and ${n} more.`,
    opinionHeading: 'Second opinion: TOPSIS',
    opinionCaption: 'Closeness to the ideal option, from 0 to 1, with the same weights',
    opinionAgree: (winner) => `TOPSIS ranks ${winner} first too.`,
    opinionDisagree: (topsis, weighted) =>
      `The two methods disagree: TOPSIS ranks ${topsis} first, the weighted sum ${weighted}.`,
    opinionWhy:
      'TOPSIS rescales each factor and rewards being close to the best value and far from the worst, so one large gap counts for more than in the weighted sum, which simply adds up the scores.',
    opinionTie: 'TOPSIS sees no difference between the options with these weights.',
    calibrateButton: 'Calibrate my priorities',
    calibrateIntro:
      'Compare the factors two at a time. Your answers give each factor a weight, and a consistency check tells you whether they fit together.',
    pairLegend: (a, b) => `Which matters more: ${a} or ${b}?`,
    same: 'About the same',
    more: (name, n) => `${name}, ${SAATY_WORDS_EN[n]} more (${n}×)`,
    weightsHeading: 'Weights from your comparisons',
    weightRow: (label, pct) => `${label}: ${pct}`,
    consistent: (cr) => `Your comparisons fit together (consistency ratio ${cr}; up to 0.10 is fine).`,
    inconsistent: (cr) =>
      `Your comparisons contradict each other (consistency ratio ${cr}; above 0.10 means some of them do not fit the rest).`,
    worstPair: (a, b) => `The comparison that fits the others least: ${a} against ${b}.`,
    useWeights: 'Use these weights',
    stopUsing: 'Back to the weights from my answers',
    using: 'The result uses these weights in place of the ones your answers give.',
    notUsing: 'The result uses the weights your answers give.',
    calibrateFailed: 'These comparisons could not be turned into weights.',
  },

};

/** The strings for the element's current locale `t` (see `pickLocale`). */
export function mcdaStrings(t) {
  return { ...MCDA_STRINGS.en, ...(t?.mcda || {}) };
}
