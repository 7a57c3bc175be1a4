/**
 * Priority of a thread from its newest customer message: reach (follower count), anger and
 * urgency words, in several languages. Offline and explainable: every point comes with a reason.
 */
/** Whole words in scripts that separate words; substrings in those that do not (CJK). */
function lexicon(words: string[], unspaced: string[]): RegExp {
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const spaced = `(?<![\\p{L}\\p{N}])(?:${words.map(esc).join('|')})(?![\\p{L}\\p{N}])`;
  return new RegExp(unspaced.length ? `${spaced}|${unspaced.map(esc).join('|')}` : spaced, 'iu');
}

const ANGRY = lexicon(
  ['worst', 'terrible', 'awful', 'disgusting', 'unacceptable', 'ridiculous', 'furious', 'angry', 'scam', 'fraud', 'never again',
   'lawyer', 'sue', 'pathetic', 'horrible', 'rude', 'hate', 'disappointed', 'joke', 'trash', 'garbage', 'wtf', 'péssimo',
   'inaceptable', 'estafa', 'nunca más', 'inacceptable', 'arnaque', 'scandaleux', 'unverschämt', 'katastrophe', 'betrug',
   'frechheit', 'سيء', 'احتيال', 'غاضب'],
  ['最悪', 'ひどい', '詐欺'],
);
const URGENT = lexicon(
  ['urgent', 'asap', 'immediately', 'right now', 'still waiting', 'no answer', 'no response', 'charged twice', 'double charged',
   'emergency', 'allergic', 'allergy', 'refund', 'urgente', 'inmediatamente', 'dringend', 'sofort', 'urgence', 'immédiatement', 'عاجل'],
  ['至急', '急いで'],
);
const SHOUTING = /[A-Z]{5,}|!!!|\?\?\?/;

export interface Priority {
  priority: number;
  reasons: string[];
}

export function formatFollowers(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return String(n);
}

export function scoreMessage(text: string, followerCount: number | null): Priority {
  let priority = 20;
  const reasons: string[] = [];
  if (followerCount !== null && followerCount >= 1000) {
    // log scale: 1k → +10, 10k → +20, 100k → +30, 1M → +40
    priority += Math.min(40, Math.round(10 * (Math.log10(followerCount) - 2)));
    reasons.push(`${formatFollowers(followerCount)} followers`);
  }
  if (ANGRY.test(text) || SHOUTING.test(text)) {
    priority += 25;
    reasons.push('angry');
  }
  if (URGENT.test(text)) {
    priority += 15;
    reasons.push('urgent');
  }
  return { priority: Math.min(100, priority), reasons };
}
