// Interface strings of the matrix-error list, the TOPSIS second opinion and
// "Calibrate my priorities", in English and German. A custom locale can carry
// its own under the key `mcda` (`StackAdvisorElement.locales.fr = { ..., mcda: {...} }`);
// anything it leaves out falls back to English.

const SAATY_WORDS_EN = { 3: 'moderately', 5: 'strongly', 7: 'very strongly', 9: 'extremely' };
const SAATY_WORDS_DE = { 3: 'etwas', 5: 'deutlich', 7: 'viel', 9: 'extrem viel' };

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
  de: {
    issuesHeading: (n) => (n === 1 ? 'Das Problem:' : `Die ${n} Probleme:`),
    issueFix: 'Abhilfe:',
    moreIssues: (n) => `… und ${n} weitere.`,
    opinionHeading: 'Zweite Meinung: TOPSIS',
    opinionCaption: 'Nähe zur idealen Option, von 0 bis 1, mit denselben Gewichten',
    opinionAgree: (winner) => `TOPSIS sieht ${winner} ebenfalls vorn.`,
    opinionDisagree: (topsis, weighted) =>
      `Die beiden Verfahren sind sich nicht einig: TOPSIS sieht ${topsis} vorn, die gewichtete Summe ${weighted}.`,
    opinionWhy:
      'TOPSIS skaliert jeden Faktor um und belohnt Nähe zum besten und Abstand zum schlechtesten Wert; ein einzelner großer Abstand zählt daher mehr als in der gewichteten Summe, die die Punkte einfach addiert.',
    opinionTie: 'Mit diesen Gewichten sieht TOPSIS keinen Unterschied zwischen den Optionen.',
    calibrateButton: 'Meine Prioritäten kalibrieren',
    calibrateIntro:
      'Vergleichen Sie die Faktoren paarweise. Aus den Antworten entsteht ein Gewicht je Faktor, und eine Konsistenzprüfung zeigt, ob sie zusammenpassen.',
    pairLegend: (a, b) => `Was ist wichtiger: ${a} oder ${b}?`,
    same: 'Etwa gleich wichtig',
    more: (name, n) => `${name}, ${SAATY_WORDS_DE[n]} wichtiger (${n}×)`,
    weightsHeading: 'Gewichte aus Ihren Vergleichen',
    weightRow: (label, pct) => `${label}: ${pct}`,
    consistent: (cr) => `Ihre Vergleiche passen zusammen (Konsistenzquote ${cr}; bis 0,10 ist in Ordnung).`,
    inconsistent: (cr) =>
      `Ihre Vergleiche widersprechen sich (Konsistenzquote ${cr}; über 0,10 passen einige nicht zu den übrigen).`,
    worstPair: (a, b) => `Am wenigsten passt dieser Vergleich zu den anderen: ${a} gegen ${b}.`,
    useWeights: 'Diese Gewichte verwenden',
    stopUsing: 'Zurück zu den Gewichten aus meinen Antworten',
    using: 'Das Ergebnis verwendet diese Gewichte statt derer aus Ihren Antworten.',
    notUsing: 'Das Ergebnis verwendet die Gewichte aus Ihren Antworten.',
    calibrateFailed: 'Aus diesen Vergleichen ließen sich keine Gewichte berechnen.',
  },
};

/** The strings for the element's current locale `t` (see `pickLocale`). */
export function mcdaStrings(t) {
  const lang = String(t?.lang || 'en').toLowerCase().split('-')[0];
  return { ...MCDA_STRINGS.en, ...(MCDA_STRINGS[lang] || {}), ...(t?.mcda || {}) };
}
