/**
 * What the composer needs to know about the thread on screen, available from its list row at
 * once (so typing, Tab and canned inserts work before the full thread has loaded) and made
 * exact by the thread detail when it arrives.
 */
import type { LengthRule, Settings, ThreadDetail, ThreadSummary } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { firstName, type TemplateContext } from '../../../preload/shared/template';

type ThreadFacts = Pick<ThreadSummary, 'customerName' | 'customerHandle' | 'network' | 'kind'>;

export function templateContext(t: ThreadFacts, settings: Settings | null, detail?: ThreadDetail | null): TemplateContext {
  const name = detail?.customer.displayName ?? t.customerName;
  return {
    customer: { name, firstName: firstName(name), handle: detail?.customer.handle ?? t.customerHandle },
    agent: { name: settings?.agentName ?? '', signature: settings?.agentSignature ?? '' },
    channel: NETWORK_RULES[t.network].label,
  };
}

/** The channel's own rule from the detail; until it loads, the network's documented one. */
export function lengthRuleOf(t: ThreadFacts, detail?: ThreadDetail | null): LengthRule {
  return detail?.lengthRule ?? NETWORK_RULES[t.network][t.kind === 'dm' ? 'dm' : 'public'];
}

/** For previews when no thread is open (the canned manager). */
export function sampleContext(settings: Settings | null): TemplateContext {
  return {
    customer: { name: 'Alex Rivera', firstName: 'Alex', handle: '@alexrivera' },
    agent: { name: settings?.agentName ?? '', signature: settings?.agentSignature ?? '' },
    channel: 'X',
  };
}
