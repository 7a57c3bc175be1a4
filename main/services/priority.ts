/**
 * Priority of a thread from its newest customer message: reach (follower count), anger and
 * urgency words, in several languages. Offline and explainable: every point comes with a reason.
 */
import { ANGRY, SHOUTING, URGENT, sentimentOf } from './sentiment';

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
  } else if (sentimentOf(text) < 0) {
    priority += 10;
    reasons.push('negative');
  }
  if (URGENT.test(text)) {
    priority += 15;
    reasons.push('urgent');
  }
  // 100 is kept for threads whose snooze just ended: they come back on top.
  return { priority: Math.min(95, priority), reasons };
}
