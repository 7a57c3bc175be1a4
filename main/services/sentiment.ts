/**
 * An offline sentiment and urgency lexicon in the languages customers write in. Coarse on
 * purpose: it ranks and watches for spikes, it does not judge people. No network, no model files.
 */

/** Whole words in scripts that separate words; substrings in those that do not (CJK). */
function lexicon(words: string[], unspaced: string[] = []): RegExp {
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const spaced = `(?<![\\p{L}\\p{N}])(?:${words.map(esc).join('|')})(?![\\p{L}\\p{N}])`;
  return new RegExp(unspaced.length ? `${spaced}|${unspaced.map(esc).join('|')}` : spaced, 'iu');
}

export const ANGRY = lexicon(
  ['worst', 'terrible', 'awful', 'disgusting', 'unacceptable', 'ridiculous', 'furious', 'angry', 'scam', 'fraud', 'never again',
   'lawyer', 'sue', 'pathetic', 'horrible', 'rude', 'hate', 'disappointed', 'joke', 'trash', 'garbage', 'wtf', 'useless',
   'péssimo', 'inaceptable', 'estafa', 'nunca más', 'inacceptable', 'arnaque', 'scandaleux', 'unverschämt', 'katastrophe', 'betrug',
   'frechheit', 'سيء', 'احتيال', 'غاضب', 'बेकार'],
  ['最悪', 'ひどい', '詐欺', '💩', '😡', '🤬', '👎'],
);

export const URGENT = lexicon(
  ['urgent', 'asap', 'immediately', 'right now', 'still waiting', 'no answer', 'no response', 'charged twice', 'double charged',
   'emergency', 'allergic', 'allergy', 'refund', 'urgente', 'inmediatamente', 'dringend', 'sofort', 'urgence', 'immédiatement', 'عاجل'],
  ['至急', '急いで'],
);

const NEGATIVE = lexicon(
  ['late', 'broken', 'missing', 'never arrived', 'not arrived', "hasn't arrived", 'wrong', 'cold', 'stale', 'charged', 'cancel', 'problem',
   'issue', 'complaint', 'annoyed', 'frustrated', 'upset', 'sad', 'bad', 'poor', 'slow', 'ignored', 'retraso', 'problema', 'mal',
   'retard', 'problème', 'mauvais', 'spät', 'problem', 'schlecht', 'atraso', 'ruim', 'مشكلة', 'تأخير'],
  ['遅い', '問題', '😞', '😠', '😤', '🙄'],
);

const POSITIVE = lexicon(
  ['love', 'great', 'amazing', 'awesome', 'thanks', 'thank you', 'perfect', 'delicious', 'best', 'lovely', 'excellent', 'fantastic',
   'gracias', 'encanta', 'genial', 'merci', 'parfait', 'génial', 'danke', 'super', 'lecker', 'obrigado', 'obrigada', 'ótimo', 'شكرا', 'رائع'],
  ['ありがとう', '最高', '美味しい', '❤️', '😍', '🥰', '🙏', '👏', '☕'],
);

export const SHOUTING = /[A-Z]{5,}|!!!|\?\?\?/;

/** -1 negative, 0 neutral, 1 positive. Anger outweighs politeness ("thanks for nothing, worst service"). */
export function sentimentOf(text: string): -1 | 0 | 1 {
  if (ANGRY.test(text) || SHOUTING.test(text)) return -1;
  const neg = NEGATIVE.test(text);
  const pos = POSITIVE.test(text);
  if (neg && !pos) return -1;
  if (pos && !neg) return 1;
  return 0;
}
