/**
 * A channel adapter whose behaviour a test scripts step by step: pages to return, failures to
 * throw, and a record of every send that "reached the platform".
 */
import { ChannelError, type ChannelAdapter, type NormalisedMessage, type OutgoingReply, type PollResult, type SentReceipt } from '../../main/channels/types';

type Step = PollResult | ChannelError | Error;
type SendStep = 'ok' | ChannelError | Error | 'arrive-then-timeout' | 'hang';

export class ScriptedAdapter implements ChannelAdapter {
  readonly channel = 'demo' as const;
  readonly network = 'x' as const;
  readonly streams = ['mentions'] as const;
  readonly pollIntervalSeconds = 30;
  readonly limits = { lengthRule: () => ({ count: 'utf16' as const, max: 280 }) };
  readonly polls: Array<string | null> = [];
  /** Replies the platform received, by idempotency key (what the customer would see). */
  readonly delivered = new Map<string, SentReceipt>();
  sendAttempts = 0;
  private pollSteps: Step[] = [];
  private sendSteps: SendStep[] = [];
  canLookUp = true;

  queuePoll(...steps: Step[]): this {
    this.pollSteps.push(...steps);
    return this;
  }
  queueSend(...steps: SendStep[]): this {
    this.sendSteps.push(...steps);
    return this;
  }

  async poll(_stream: string, cursor: string | null): Promise<PollResult> {
    this.polls.push(cursor);
    const step = this.pollSteps.shift() ?? { items: [], rejected: [], nextCursor: null, more: false };
    if (step instanceof Error) throw step;
    return step;
  }

  async send(reply: OutgoingReply): Promise<SentReceipt> {
    this.sendAttempts++;
    const step = this.sendSteps.shift() ?? 'ok';
    if (step === 'hang') return new Promise(() => {});
    if (step instanceof Error) throw step;
    const receipt = { externalId: `out-${this.delivered.size + 1}`, sentAt: 0 };
    this.delivered.set(reply.idempotencyKey, receipt);
    if (step === 'arrive-then-timeout') throw new ChannelError('transient', 'timed out after sending', { mayHaveLeft: true });
    return receipt;
  }

  get findSent(): ChannelAdapter['findSent'] {
    if (!this.canLookUp) return undefined;
    return async (reply) => this.delivered.get(reply.idempotencyKey) ?? null;
  }
}

export function page(items: NormalisedMessage[], nextCursor: string | null, more = false): PollResult {
  return { items, rejected: [], nextCursor, more };
}

let n = 0;
export function msg(over: Partial<NormalisedMessage> = {}): NormalisedMessage {
  n++;
  return {
    externalId: `ext-${n}`,
    threadExternalId: `thread-${n}`,
    kind: 'mention',
    direction: 'in',
    customer: { externalId: `cust-${n}`, handle: `@c${n}`, displayName: `Customer ${n}`, followerCount: 100 },
    text: `message ${n}`,
    createdAt: Date.UTC(2026, 10, 22, 8, 0, 0) + n,
    raw: { id: n },
    ...over,
  };
}
