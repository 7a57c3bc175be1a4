/**
 * The starter library a first launch gets: starting points a good agent would personalise, not
 * scripts. Short enough for X; blanks where only the agent knows the answer.
 */
export const STARTER_CANNED: ReadonlyArray<{ title: string; shortcut: string; body: string; crisis?: boolean }> = [
  {
    title: 'Sorry, looking into your order',
    shortcut: 'order',
    body: 'Hi {{customer.first_name | "there"}}, I’m sorry your order hasn’t turned up yet. I’ve checked order {{blank:order number}} and {{blank:what you found}}. I’ll keep an eye on it until it’s with you. {{agent.signature}}',
  },
  {
    title: 'Move to DM for account details',
    shortcut: 'dm',
    body: 'Hi {{customer.first_name | "there"}}, thanks for flagging this. Could you send us a DM with your order number and the email on the account? We’ll sort it from there, no need to share anything here. {{agent.signature}}',
  },
  {
    title: 'Charged twice: refund on its way',
    shortcut: 'refund',
    body: 'Hi {{customer.first_name | "there"}}, you’re right, you were charged twice, and I’m sorry. I’ve refunded the duplicate charge of {{blank:amount}}; it usually shows on your statement within 3–5 working days. {{agent.signature}}',
  },
  {
    title: 'Thanks for the kind words',
    shortcut: 'thanks',
    body: 'Thank you, {{customer.first_name | "friend"}}! That made our day. I’ll pass this on to {{blank:team or person}}. {{agent.signature}}',
  },
  {
    title: 'Opening hours',
    shortcut: 'hours',
    body: 'Hi {{customer.first_name | "there"}}! Our cafés are open 7:00–18:00 on weekdays and 8:00–17:00 at weekends. {{blank:location-specific note}} {{agent.signature}}',
  },
  {
    title: 'Pause or cancel a subscription',
    shortcut: 'pause',
    body: 'Hi {{customer.first_name | "there"}}, you can pause or cancel any time under Account → Subscription, and nothing ships while it’s paused. Want me to do it for you? Just say which and until when. {{agent.signature}}',
  },
  {
    title: 'Escalated to a specialist',
    shortcut: 'escalate',
    body: 'Hi {{customer.first_name | "there"}}, I’ve passed this to our {{blank:team}} team with everything you’ve told me, so you won’t have to repeat yourself. They’ll reply here by {{blank:when}}. {{agent.signature}}',
  },
  {
    title: 'Following up',
    shortcut: 'followup',
    body: 'Hi {{customer.first_name | "there"}}, just checking in: did {{blank:what we did}} sort things out for you? {{agent.signature}}',
  },
  {
    title: 'Crisis: we know, we are on it',
    shortcut: 'incident',
    body: 'Hi {{customer.first_name | "there"}}, we know {{blank:what is wrong}} and we’re sorry. The team is working on it right now; we’ll post an update by {{blank:time}}. You don’t need to do anything. {{agent.signature}}',
    crisis: true,
  },
  {
    title: 'Crisis: what to do meanwhile',
    shortcut: 'workaround',
    body: 'Thanks for your patience, {{customer.first_name | "there"}}. Until it’s fixed, {{blank:workaround}}. If you were charged for anything affected, we’ll refund it automatically. {{agent.signature}}',
    crisis: true,
  },
];
