/**
 * What the demo customers of Harbor Coffee Roasters say, and who they are. Data only: the
 * generator composes messages from these pieces (opener + body + details + closer, per
 * language), so that a few hundred threads do not read like one template filled in again.
 *
 * Slots in braces are filled per thread (the same order number, café and barista all through
 * one conversation): {order} {item} {cafe} {cafeName} {barista} {grindA} {grindB} {price} {days}
 * {hours} {weeks} {dayref} {weekday} {time} {holiday} {place} {first} {full} {agent} {sig} {brand}.
 * {hours} is the real time since the conversation began, so lines using it only appear once
 * hours have passed.
 */

export type Lang = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'ja' | 'ar' | 'hi';

export type TopicId =
  | 'late_delivery'
  | 'wrong_grind'
  | 'charged_twice'
  | 'broken_grinder'
  | 'rude_barista'
  | 'app_login'
  | 'cancel_sub'
  | 'price_increase'
  | 'stale_beans'
  | 'q_hours'
  | 'q_decaf'
  | 'q_shipping'
  | 'q_giftcard'
  | 'q_pause'
  | 'q_allergen'
  | 'praise_roast'
  | 'praise_barista'
  | 'spam';

export type Category = 'complaint' | 'question' | 'praise' | 'spam';

/** Share of threads per topic before the kind adjusts it (DMs carry more order trouble, comments more questions). */
export const TOPICS: Readonly<Record<TopicId, { category: Category; weight: number }>> = {
  late_delivery: { category: 'complaint', weight: 14 },
  wrong_grind: { category: 'complaint', weight: 5 },
  charged_twice: { category: 'complaint', weight: 6 },
  broken_grinder: { category: 'complaint', weight: 3 },
  rude_barista: { category: 'complaint', weight: 3 },
  app_login: { category: 'complaint', weight: 6 },
  cancel_sub: { category: 'complaint', weight: 5 },
  price_increase: { category: 'complaint', weight: 3 },
  stale_beans: { category: 'complaint', weight: 3 },
  q_hours: { category: 'question', weight: 6 },
  q_decaf: { category: 'question', weight: 4 },
  q_shipping: { category: 'question', weight: 4 },
  q_giftcard: { category: 'question', weight: 3 },
  q_pause: { category: 'question', weight: 5 },
  q_allergen: { category: 'question', weight: 3 },
  praise_roast: { category: 'praise', weight: 8 },
  praise_barista: { category: 'praise', weight: 5 },
  spam: { category: 'spam', weight: 5 },
};

export interface TopicText {
  open: readonly string[];
  more?: readonly string[];
  /** The brand's answer in a private channel (or to a question anywhere). */
  reply?: readonly string[];
}

export interface LangPack {
  greet: readonly string[];
  close: Readonly<Record<Category, readonly string[]>>;
  /** A customer nudging before anyone answered. */
  chase: readonly string[];
  /** A customer after the brand answered: satisfied, not satisfied, giving what was asked. */
  good: readonly string[];
  bad: readonly string[];
  info: readonly string[];
  /** Missing: the brand answers this language in English (it has nobody who writes it). */
  reply?: {
    complaintPublic: readonly string[];
    complaintDm: readonly string[];
    question: readonly string[];
    praise: readonly string[];
    again: readonly string[];
  };
  /** Per-language slot values; {price} is formatted by `euro`; `cafe` names a café ({name}) in a sentence. */
  vars: Readonly<Record<'dayref' | 'weekday' | 'time' | 'holiday' | 'place' | 'cafe', readonly string[]>>;
  euro: boolean;
  topics: Readonly<Partial<Record<TopicId, TopicText>>>;
}

// ---------------------------------------------------------------------------------------------
// Things of the brand, the same in every language

export const BRAND_NAME = 'Harbor Coffee Roasters';
export const BRAND_SHORT = 'Harbor Coffee';
export const AGENTS = ['Sam', 'Priya', 'Jonas', 'Leah', 'Mateo', 'Noor'] as const;

export const ITEMS = [
  'Ethiopian Yirgacheffe',
  'Harbor House Blend',
  'Sumatra Mandheling',
  'Colombia Huila',
  'Pier 5 Espresso',
  'Swiss Water Decaf',
  'Kenya AA Kiambu',
  'Guatemala Antigua',
  'Lighthouse Dark Roast',
  'Rwanda Huye Mountain',
];
export const CAFE_NAMES = ['Pier 9', 'Old Town', 'Marina', 'Canal Street', 'Union Square', 'Harbourfront', 'Riverside'];
export const BARISTAS = ['Marco', 'Aisha', 'Kenji', 'Dana', 'Luis', 'Freya', 'Tomás', 'Bea', 'Ollie', 'Yusuf', 'Imani'];
export const GRINDS = ['whole bean', 'espresso', 'filter', 'French press', 'AeroPress', 'moka pot'];
export const PRICES = ['18.50', '22.00', '24.90', '31.80', '39.00', '44.50'];

/** Emoji by mood; customers add one now and then, excited ones more often. */
export const EMOJI: Readonly<Record<'angry' | 'sad' | 'happy' | 'ask', readonly string[]>> = {
  angry: ['😡', '🙄', '😤', '👎', '🤬', '😠', '🫠'],
  sad: ['😩', '😭', '😕', '😞', '🥲'],
  happy: ['☕️', '❤️', '😍', '🙌', '✨', '🔥', '🥰', '☕'],
  ask: ['🤔', '🙏', '👀', '😅'],
};

// ---------------------------------------------------------------------------------------------
// English: most customers, and the richest set of pieces

const EN: LangPack = {
  greet: ['Hi,', 'Hi there!', 'Hey,', 'Hello!', 'Hey Harbor team,', 'Hi guys.', 'Good morning!', 'ok so', 'Um, hi.', 'Hiya!', 'Hello Harbor Coffee,', 'Evening all.'],
  close: {
    complaint: [
      'Please sort this out.',
      'Not impressed.',
      'Really disappointed tbh.',
      'Can someone actually help?',
      'Thanks in advance.',
      'What are you going to do about it?',
      'Fix it please.',
      'I want a refund.',
      'Seriously?',
      'Very frustrating.',
      'This is ridiculous.',
      'Would appreciate a reply this time.',
      'Unacceptable.',
    ],
    question: ['Thanks!', 'Thx', 'Thank you!', 'Cheers', 'Thanks in advance 🙏', 'ty', 'Thanks so much.', 'Appreciate it!'],
    praise: ['Keep it up!', 'You guys rock.', 'Never change.', '❤️', '10/10', 'Thank you!', 'Obsessed.', 'Take my money.'],
    spam: [''],
  },
  chase: [
    'hello?',
    '??',
    'anyone?',
    'Hello??',
    'Still waiting for a reply.',
    'It has been {hours} hours.',
    'Still no answer. Great service 🙄',
    'Is anyone reading these?',
    '{brand} ??',
    'Bump.',
    'Any update?',
    "I've messaged you 3 times now",
    'hellooo',
    'Ok so nobody answers here either.',
    'This is ridiculous. Still nothing.',
    'Do I need to call my bank or are you going to reply?',
  ],
  good: [
    'thanks!!',
    'Thank you, that helped!',
    'Perfect, thanks {agent}!',
    'ok great',
    'Appreciate the quick reply 🙏',
    'That was fast, thank you.',
    'Got the email, thanks!',
    'Brilliant, thanks for sorting it.',
    'Amazing, you guys are the best ❤️',
    'ty',
    'Cool, will keep an eye out.',
    'Oh nice, didn’t know that. Thanks!',
  ],
  bad: [
    'still waiting...',
    "That's what you said last time.",
    'I already sent my order number twice.',
    "This doesn't solve anything.",
    'So what happens now?',
    'Still nothing, any news?',
    'No email, no tracking, nothing.',
    "I don't want a discount code, I want my coffee.",
    'ok but when exactly?',
    'Still no refund on my card fyi.',
  ],
  info: ['It’s {order}', 'order number is {order}', 'Sent you a DM.', 'DM’d you the details.', '{order}, same email as on the account.', 'just sent it'],
  reply: {
    complaintPublic: [
      "Hi {first}, so sorry to hear this — that's not the experience we want for you. Could you DM us your order number so we can look into it right away? {sig}",
      "Hi {first}, sorry about this! We've just sent you a DM so we can sort it out. {sig}",
      "Oh no, {first}. Really sorry. Please send us a DM with your order number or the email on your account and we'll fix this today. {sig}",
      "Thanks for flagging this, {first}, and apologies. Can you DM us the details? We'd like to make it right. {sig}",
    ],
    complaintDm: [
      "Hi {first}, thanks for bearing with us. I've looked into {order} and fixed it from our side — you'll get a confirmation email within the hour. Sorry for the hassle! {sig}",
      "Hi {first}, really sorry about this. I've sorted {order} and added a free bag to your next delivery as an apology. {sig}",
    ],
    question: ['Hi {first}! Great question — all the details are here: harborcoffee.com/help. Anything else, just shout. {sig}'],
    praise: ['This made our day, {first}! Thank you ☕️ {sig}', 'Thank you so much {first}! Passing this on to the whole team 🙌 {sig}', "Aww, thanks {first}! See you soon ☕ {sig}"],
    again: [
      "Thanks {first}, I've passed this on to the right team and will update you by tomorrow at the latest. {sig}",
      "Got it, {first} — refund issued just now. It usually shows on your statement in 3–5 business days. {sig}",
      "Sorry for the wait, {first}. I've escalated this to my team lead and we'll email you today. {sig}",
      "Thanks for the details, {first}. All sorted on our side — let us know if anything else looks off. {sig}",
      "Understood, {first}, and sorry this is dragging on. I'm keeping your case open and will check back with you this afternoon. {sig}",
    ],
  },
  vars: {
    dayref: ['yesterday', 'on Monday', 'last Friday', 'by Tuesday', 'three days ago', 'last week'],
    weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    time: ['8:15', 'around 9am', 'lunchtime', 'about 4pm', '7:30ish', 'just now'],
    holiday: ['Thanksgiving', 'Christmas Eve', "New Year's Day", 'Easter Monday', 'the 4th of July', 'Labor Day'],
    place: ['Toronto', 'Vancouver', 'Montréal', 'Calgary', 'Halifax', 'Ottawa'],
    cafe: ['the {name} café', 'your {name} shop', 'the {name} location', 'the {name} store'],
  },
  euro: false,
  topics: {
    late_delivery: {
      open: [
        'My order {order} was supposed to arrive {dayref} and it’s still not here.',
        "Where is my order?? {order}, placed {days} days ago, tracking hasn't moved since {weekday}.",
        "Order {order} says 'delivered' but there's nothing at my door.",
        'It has been {days} days. {order}. Still nothing.',
        "This month's subscription box never showed up ({order}).",
        "tracking for {order} has said 'label created' for a week now",
        'Is there a reason my coffee takes longer to arrive than my furniture did? {order}',
        'My subscription delivery is late AGAIN. {order}',
      ],
      more: [
        'I paid for express shipping.',
        'I checked with my neighbours and the building office, nothing.',
        'The carrier says they never received the package from you.',
        'This is the second month in a row.',
        'It was a birthday present for my dad and his birthday was yesterday.',
        'I literally have no coffee left at home.',
        'Your website says 2-3 business days.',
        'I emailed support on {weekday} and got an automated reply, nothing since.',
        "Tracking just says 'in transit' with no location.",
        'The money left my account the same day, funny how that works.',
      ],
      reply: [
        "Hi {first}, I'm really sorry — I've looked up {order} and it's been stuck at the carrier's depot since {weekday}. I've sent a replacement by express at no cost; tracking will come by email within the hour. {sig}",
        "Hi {first}, thanks for your patience. {order} was marked delivered, but the courier's GPS scan is nowhere near your address, so I've opened a claim and a new bag ships today. {sig}",
        'So sorry about this, {first}. I’ve refunded {order} in full and queued a fresh roast for tomorrow’s dispatch. {sig}',
      ],
    },
    wrong_grind: {
      open: [
        'I ordered {grindA} and got {grindB}. Again.',
        'Just opened my {item} and it’s ground for {grindB}. I asked for {grindA}!',
        'Ordered {grindA}, got {grindB}. How?? {order}',
        'The bag label says {grindA} but this is clearly fine espresso powder.',
        'wrong grind on {order}, can I swap it',
      ],
      more: [
        'My grinder is useless with pre-ground coffee.',
        'I double checked the order confirmation, it says {grindA}.',
        'It clogged my French press filter completely.',
        'This is the {price} bag, not exactly cheap.',
        "I'm not paying for return shipping for your mistake.",
      ],
      reply: [
        'Hi {first}, sorry about the mix-up! {order} was set to {grindA}, so this one is on us — a fresh {grindA} bag is on its way and no need to send anything back. {sig}',
        "Hi {first}, that's our packing line's fault, sorry. A replacement in {grindA} ships tomorrow; keep the other bag or pass it to a friend. {sig}",
      ],
    },
    charged_twice: {
      open: [
        "I've been charged twice for {order}. Two identical charges of {price} on my card.",
        'Why did you take {price} from my account TWICE this month?',
        'Double charge on my subscription renewal. Please refund the second one.',
        'My bank statement shows two payments to HARBOR COFFEE RSTRS for the same order.',
        'charged twice?? {order}',
      ],
      more: [
        'I only have one subscription, I checked in the app.',
        'That money was for rent, honestly this is not ok.',
        'I can send a screenshot of the statement.',
        "The second charge is still pending but it's holding the money.",
        'Your support email bounced back.',
      ],
      reply: [
        "Hi {first}, I'm sorry — the renewal ran twice after a payment retry on our side. I've refunded the duplicate {price} just now; banks usually show it within 3–5 business days. {sig}",
        'Hi {first}, confirmed: the second charge for {order} was a duplicate. Refund is done and I’ve emailed you the receipt. Sorry for the worry! {sig}',
      ],
    },
    broken_grinder: {
      open: [
        'The Harbor Burr Grinder I bought {weeks} weeks ago stopped working. Motor hums, burrs don’t turn.',
        'My grinder arrived with a cracked hopper.',
        'Grinder died after a month. For $189 I’d expect better.',
        'Is there a warranty on the burr grinder? Mine makes a horrible noise now and the grind is all over the place.',
      ],
      more: [
        "I've cleaned it exactly like the manual says.",
        'The box was dented when it arrived, I should have refused it.',
        'I use it once a day, nothing crazy.',
        'I have a video of the noise if that helps.',
        'Bought it at {cafe}, still have the receipt.',
      ],
      reply: [
        "Hi {first}, sorry to hear that! The grinder has a 2-year warranty, so we'll replace it. I've emailed you a prepaid return label — keep using the old one until the new one arrives. {sig}",
      ],
    },
    rude_barista: {
      open: [
        'Really unpleasant experience at {cafe} this morning.',
        'The barista at {cafe} rolled their eyes when I asked for oat milk and then charged me for it twice.',
        "I've never been spoken to like that in a café. {cafe}, {time} today.",
        'Guy on the till at {cafe} was so rude to an elderly customer in front of me.',
      ],
      more: [
        "I waited 20 minutes for a flat white and when I asked about it he just said 'it's busy'.",
        "There was no 'sorry', nothing.",
        "I've been a regular there for years and this was a first.",
        'The other staff were lovely, to be fair.',
        "I'm not trying to get anyone fired, but someone should know.",
      ],
      reply: [
        "Hi {first}, I'm really sorry — that's not how anyone should be treated. I've shared this with the manager at {cafe}, who'll talk to the team today. Your next drink is on us. {sig}",
      ],
    },
    app_login: {
      open: [
        "Can't log into the app. It just says 'Something went wrong' every time.",
        'The password reset email never arrives.',
        "Your app logged me out and now says my account doesn't exist??",
        'App keeps crashing on login since the update (iPhone 13, latest iOS).',
        "I can't skip my delivery because the app won't let me sign in and the cutoff is tonight.",
      ],
      more: [
        'Tried deleting and reinstalling.',
        'Checked my spam folder, nothing there.',
        'Android, Pixel 7, if that matters.',
        'My loyalty points are gone too.',
        'Logging in on the website works fine, just not the app.',
      ],
      reply: [
        "Hi {first}, sorry about this — a login bug in the last app update affects some accounts. A fix is rolling out today; meanwhile you can sign in at harborcoffee.com/account, and I've skipped this week's delivery for you. {sig}",
      ],
    },
    cancel_sub: {
      open: [
        "How do I cancel my subscription? I can't find the option anywhere.",
        "Please cancel my subscription. I've asked twice already.",
        'Why is it so hard to cancel?? The button just sends me in a loop.',
        'I want to cancel, moving abroad next month.',
        "Cancel my subscription effective immediately, and don't charge me again.",
      ],
      more: [
        'I was charged again after I cancelled in the app.',
        'Nothing against the coffee, just too expensive for me right now.',
        'Your chat bot keeps offering me a discount instead of cancelling.',
        'My email is the same one on the account.',
      ],
      reply: [
        "Hi {first}, I've cancelled your subscription — a confirmation email is on its way and there won't be any further charges. Sorry to see you go! {sig}",
      ],
    },
    price_increase: {
      open: [
        'Subscription went from $18 to $24 with one email?? That’s a 33% increase.',
        'Why are your prices going up AGAIN?',
        'Paid {price} for a 250g bag today. Is this a joke?',
        "Loyal customer for 4 years and the thanks is a price hike with 5 days' notice.",
      ],
      more: ['Supermarket coffee is looking pretty good right now.', 'At least grandfather existing subscribers?', 'No explanation in the email either.'],
      reply: [
        "Hi {first}, that's fair feedback, and we hate raising prices. Green coffee has nearly doubled in cost since last year. Existing subscribers keep the old price for 3 more months, and you can switch to a 1kg bag, which works out cheaper. {sig}",
      ],
    },
    stale_beans: {
      open: [
        'The roast date on my bag is 6 weeks ago. I thought you roast to order?',
        'Beans taste flat and oily, like they’ve been sitting around for months.',
        'My {item} tastes burnt. Something is off with this batch.',
      ],
      more: ['Same brewing method I always use.', 'The valve on the bag was broken too.', 'Photo of the roast date if you want it.'],
      reply: ["Hi {first}, you're right, that bag should never have left our warehouse. A freshly roasted {item} ships tomorrow, on us. {sig}"],
    },
    q_hours: {
      open: [
        'What time does {cafe} open on Sundays?',
        'Are you open on {holiday}?',
        'Is {cafe} still open after 6pm?',
        'what are the hours for {cafe}',
        'Quick question: does {cafe} open early on weekdays? Need coffee before a 7am shift.',
      ],
      reply: ['Hi {first}! Our {cafeName} café is open 7am–6pm Monday to Saturday and 8am–4pm on Sundays. Holiday hours are on our website. See you soon! {sig}'],
    },
    q_decaf: {
      open: [
        "Do you have a decaf that doesn't taste like cardboard? Asking for my pregnant wife 😅",
        'Is your decaf Swiss Water process or chemical?',
        'Can I get decaf in my subscription instead of regular?',
        'Any decaf espresso options?',
      ],
      reply: [
        'Hi {first}, yes! Our Swiss Water Decaf (Colombia) is chemical-free, 99.9% caffeine free and tastes of chocolate and red apple. You can switch your subscription under Account → My plan. {sig}',
      ],
    },
    q_shipping: {
      open: [
        "Do you ship to Canada? I'm in {place}.",
        'How much is shipping to Canada and do I have to pay customs?',
        'Can I send a gift box to my sister in {place}?',
        'Do you deliver outside the US? 🇨🇦',
      ],
      reply: ['Hi {first}, we do ship to Canada! Standard is $9.50 (5–8 business days) and duties are included at checkout, so nothing to pay on delivery. {sig}'],
    },
    q_giftcard: {
      open: [
        'Do you sell gift cards? Can I use them online and in the cafés?',
        "My gift card code says 'invalid' at checkout.",
        'Can I buy a 3-month subscription as a gift?',
        'do gift cards expire?',
      ],
      reply: ['Hi {first}, yes — e-gift cards from $25 work online and in all our cafés and never expire. Gift subscriptions (3, 6 or 12 months) are under Shop → Gifts. {sig}'],
    },
    q_pause: {
      open: [
        'How do I pause my subscription for a month? Going on holiday.',
        "Can I skip next month's delivery without cancelling?",
        'Is there a way to pause instead of cancel?',
        'Going travelling for 6 weeks, what happens to my subscription',
      ],
      reply: [
        "Hi {first}, you can pause for up to 3 months in the app: Account → My plan → Pause. Or tell me the date you're back and I'll pause it from our side. {sig}",
      ],
    },
    q_allergen: {
      open: [
        "Is your oat milk gluten free? I'm coeliac.",
        'Do your cafés have nut-free milk options? My son has a severe nut allergy.',
        'Which plant milks do you have at {cafe}? And is there an extra charge for oat?',
        'Are the pastries at {cafe} made in a kitchen that handles nuts?',
      ],
      reply: [
        'Hi {first}, our oat milk is Oatly Barista, certified gluten free; we also have soy and coconut, and oat is no extra charge. Pastries are made in a kitchen that handles nuts, so please mention the allergy to the barista. {sig}',
      ],
    },
    praise_roast: {
      open: [
        'That Ethiopian Yirgacheffe is unreal. Blueberries?? In coffee??',
        'Just want to say your Ethiopian roast is the best thing that happened to my mornings.',
        'The new {item} is incredible. Ordered 3 more bags.',
        "Honestly the best beans I've had outside of Italy.",
        "Switched from supermarket coffee to your subscription and I can't go back.",
        'my V60 and your Yirgacheffe are in a committed relationship',
      ],
      more: ['Also the packaging is gorgeous.', 'My partner is hooked too.', 'Seriously, best coffee in town.', 'Already told all my friends about you.', '@ my sister you need to try this'],
      reply: ["This made our day, {first}! Our roasters will be thrilled to hear it ☕ {sig}", "Thank you {first}! We'll tell the roasting team, they'll be thrilled. {sig}"],
    },
    praise_barista: {
      open: [
        'Shout-out to {barista} at {cafe} who remembered my order after one visit!',
        '{barista} at {cafe} is a gem. Best flat white in town and always smiling.',
        'Please give {barista} a raise. Made my terrible Monday so much better.',
        'Big thanks to {barista} for the latte art heart on my birthday 🥹',
      ],
      more: ['Honestly the reason I keep coming back.', 'You have a great team there.', 'Made my whole week.'],
      reply: ["Thank you {first}! We've passed this on to {barista} — it'll make their week. See you at {cafeName} soon! {sig}"],
    },
  },
};

/** Long complaints are built from these on top of the topic's own details. */
export const RANT_EN = [
  "I've been a subscriber since 2019 and recommended you to literally everyone at work.",
  'Every time I contact you I get a different answer from a different person.',
  "I don't want another discount code, I want the coffee I paid for.",
  "Honestly I used to love this company, the cafés, the people, the whole thing, but the last three months have been one problem after another and nobody ever follows up unless I chase.",
  "I run a small office and we go through 3 kilos a month, so this isn't a small order for you.",
  'If this is how you treat long-time customers I really wonder how you treat new ones.',
  "I'm not normally someone who complains online but I've run out of options here.",
];

/** Spam and off-topic, posted where anyone can post. */
export const SPAM = [
  '🚀🚀 Turn $500 into $15,000 in 7 days!! DM me for crypto signals 💰💰',
  'Nice post! Promote it to real followers 👉 check my bio',
  'Hey! We love your brand 😍 We’d like to collaborate, DM @glowup.promos for details',
  'first',
  'who else is watching the game tonight',
  'Can you follow me back please 🙏🙏',
  'Is this the bus company?',
  'lol',
  'I won a free iPhone from your giveaway? where do I claim',
  'Buy cheap followers and likes at sm-boost dot net',
  'anyone know a good plumber around here',
  'Earn from home 💸 no experience needed, link in bio',
  'hi dear, you look nice, can we be friends',
  '👍',
];

/**
 * The one influencer storyline: a popular coffee reviewer escalating in public, step by step,
 * while nobody answers. {brand} is the brand's handle on that network.
 */
export const INFLUENCER_STEPS: readonly (readonly string[])[] = [
  [
    'Ordered the {item} from {brand} as a gift for my whole team, {order}. It has been {days} days. Support email: nothing. Not a great look for a brand that sends influencers free bags 👀',
    "Genuinely curious: does anyone at {brand} read their support inbox? {order}, {days} days, zero replies. Asking for my 250k friends here.",
  ],
  [
    'Still nothing from {brand}. 24 hours later. Small businesses in my DMs treat customers better than this every single day.',
    "No response yet, {brand}. I'll give it until tonight before I make a video about it.",
  ],
  [
    'Ok {brand}, my DMs are full of people saying the same happened to them. Lost orders, double charges, no replies. What is going on?',
    'Reading your replies and wow. At least 40 of you had the same experience with {brand}. This is not a one-off.',
  ],
  [
    "I've recommended Harbor Coffee to you all for 3 years. Honestly rethinking that now. Thread 🧵👇",
    'Unpinning my Harbor Coffee discount code until {brand} sorts this out. Not comfortable promoting them right now.',
  ],
  [
    "1/ Timeline: ordered on the 3rd, charged twice on the 4th, 'delivered' on the 8th to an address I've never lived at. 2 emails, 1 call, 0 answers.",
    'Day 3. Still no answer. You would think a coffee company would wake up eventually ☕️🙃',
  ],
  ['Last update from me: still nothing. Draw your own conclusions.', 'Pretty wild that {brand} has time to post latte art but not to answer a single customer.'],
];
export const INFLUENCER_AFTER = [
  'Finally heard back from {brand}. Thanks {agent}, appreciated. Will update you all once it is actually fixed.',
  'A DM after 3 days and 200 comments. We’ll see.',
  'Update: {brand} refunded everything and is re-sending the order. Credit where it’s due, {agent} was great.',
];
export const INFLUENCER_REPLY = [
  "Hi {first}, I'm so sorry — this is not ok, and I'm on it personally. I've sent you a DM with a full refund and the replacement details. {sig}",
  '{first}, we owe you an apology and an answer. Both are in your DMs now, and I’ll stay on this until your order arrives. {sig}',
];

/** The one person that storyline is about (the generator keeps person 0 for them). */
export const INFLUENCERS = [
  { name: 'Jade Okafor', handle: 'jadebrews' },
  { name: 'Marcus Bell', handle: 'marcusbellcafe' },
  { name: 'Camille Laurent', handle: 'camille.sips' },
  { name: 'Riley Chen', handle: 'rileychencoffee' },
];

// ---------------------------------------------------------------------------------------------
// Other languages: fewer pieces, real sentences

const ES: LangPack = {
  greet: ['Hola,', 'Hola buenas,', 'Buenas tardes,', 'Hola equipo de Harbor,', 'Buenos días,'],
  close: {
    complaint: ['Espero una solución.', 'Muy decepcionante, la verdad.', '¿Alguien me puede ayudar?', 'Gracias.', 'Qué mal servicio.', 'Es inaceptable.'],
    question: ['¡Gracias!', 'Muchas gracias 🙏', 'Saludos.', 'Gracias de antemano.'],
    praise: ['¡Seguid así!', 'Mil gracias ❤️', '¡Os quiero!', 'Un 10.'],
    spam: [''],
  },
  chase: ['¿hola?', '??', '¿Alguien?', 'Sigo esperando respuesta...', 'Llevo {hours} horas esperando.', '¿Me van a contestar o no?'],
  good: ['¡Gracias!', 'Perfecto, muchas gracias 🙌', 'Genial, gracias por la rapidez.', 'Vale, gracias {agent}.'],
  bad: ['Sigo esperando...', 'Eso mismo me dijeron la otra vez.', 'No me sirve, quiero el reembolso.', 'Todavía nada.'],
  info: ['Es el {order}', 'Ya os lo mandé por privado.', 'El número es {order}.'],
  reply: {
    complaintPublic: ['Hola {first}, ¡sentimos mucho lo ocurrido! ¿Nos envías tu número de pedido por mensaje privado y lo revisamos enseguida? {sig}'],
    complaintDm: [
      'Hola {first}, gracias por escribirnos. Ya revisé el pedido {order}: te enviamos uno nuevo hoy mismo sin coste y recibirás el seguimiento por email. ¡Disculpa las molestias! {sig}',
      'Hola {first}, ya está solucionado: hemos hecho el reembolso y lo verás en tu cuenta en 3–5 días hábiles. {sig}',
      'Hola {first}, ya lo he solucionado desde nuestro lado y te he enviado la confirmación por email. Si vuelve a pasar, escríbenos por aquí. {sig}',
    ],
    question: ['¡Hola {first}! Tienes toda la información aquí: harborcoffee.com/ayuda. Cualquier otra duda, escríbenos. {sig}'],
    praise: ['¡Muchísimas gracias, {first}! Nos alegra un montón ☕❤️ {sig}'],
    again: ['Gracias {first}, ya lo he pasado al equipo correspondiente y te escribo mañana como muy tarde. {sig}'],
  },
  vars: {
    dayref: ['ayer', 'el lunes', 'el viernes pasado', 'hace tres días'],
    weekday: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
    time: ['a las 9', 'sobre las 8', 'a mediodía'],
    holiday: ['Navidad', 'Año Nuevo', 'Semana Santa'],
    place: ['México', 'España', 'Colombia', 'Chile'],
    cafe: ['la cafetería de {name}', 'el local de {name}'],
  },
  euro: false,
  topics: {
    late_delivery: {
      open: [
        'Mi pedido {order} tenía que llegar {dayref} y todavía nada.',
        'Hace {days} días que hice el pedido {order} y no ha llegado.',
        "El seguimiento de {order} dice 'entregado' pero no tengo ningún paquete.",
        'oigan mi pedido {order} dónde está??',
      ],
      more: ['Pagué el envío exprés.', 'Ya pregunté a los vecinos y nada.', 'Era un regalo de cumpleaños 😩', 'Es la segunda vez que pasa.'],
    },
    wrong_grind: {
      open: ['Pedí café en grano y me llegó molido para espresso.', 'La bolsa de {item} viene molida y yo la pedí en grano. {order}'],
      more: ['Tengo molinillo en casa, así no me sirve.'],
    },
    charged_twice: {
      open: ['Me cobraron dos veces el pedido {order}.', 'Tengo dos cargos de {price} en la tarjeta por la misma suscripción.'],
      more: ['Necesito que me devuelvan el segundo cargo cuanto antes.'],
    },
    cancel_sub: { open: ['¿Cómo cancelo la suscripción? No encuentro la opción en la app.', 'Quiero cancelar mi suscripción, por favor.'] },
    q_hours: { open: ['¿A qué hora abre {cafe} los domingos?', '¿Abren en {holiday}?'] },
    q_decaf: { open: ['¿Tienen café descafeinado? ¿Es proceso Swiss Water?', '¿Hay opción descafeinada en la suscripción?'] },
    q_shipping: { open: ['¿Hacen envíos a {place}?', '¿Cuánto cuesta el envío a {place}?'] },
    praise_roast: { open: ['El café de Etiopía está buenísimo 😍 Ya voy por la tercera bolsa.', 'Qué rico el {item}, de verdad el mejor café que he probado.'] },
    praise_barista: { open: ['{barista} de {cafe} es un amor, siempre con una sonrisa ☕', 'Gracias a {barista} por el mejor flat white de la ciudad.'] },
  },
};

const FR: LangPack = {
  greet: ['Bonjour,', 'Salut,', 'Bonsoir,', "Bonjour l'équipe Harbor,"],
  close: {
    complaint: ["J'attends une solution.", 'Très déçue, franchement.', "Quelqu'un peut m'aider ?", 'Merci.', "C'est inacceptable."],
    question: ['Merci !', 'Merci d’avance 🙏', 'Bonne journée.'],
    praise: ['Continuez comme ça !', 'Merci ❤️', 'Bravo à toute l’équipe.'],
    spam: [''],
  },
  chase: ['allô ?', '??', 'Toujours pas de réponse...', "Il y a quelqu'un ?", 'Ça fait {hours} heures que j’attends.'],
  good: ['Merci beaucoup !', 'Super, merci pour la réponse rapide 🙏', 'Parfait, merci {agent} !'],
  bad: ['Toujours rien reçu...', "C'est ce qu'on m'a déjà dit la dernière fois.", 'Ça ne règle rien.'],
  info: ["C'est la {order}", 'Je vous ai envoyé un message privé.'],
  reply: {
    complaintPublic: ['Bonjour {first}, nous sommes vraiment désolés ! Pouvez-vous nous envoyer votre numéro de commande en message privé ? {sig}'],
    complaintDm: [
      "Bonjour {first}, j'ai vérifié la commande {order} : un nouveau colis part aujourd'hui, sans frais. Toutes nos excuses ! {sig}",
      "Bonjour {first}, c'est réglé de notre côté et vous avez reçu une confirmation par e-mail. N'hésitez pas à nous réécrire ici si besoin. {sig}",
    ],
    question: ["Bonjour {first} ! Toutes les infos sont ici : harborcoffee.com/aide — n'hésitez pas si vous avez d'autres questions. {sig}"],
    praise: ['Merci infiniment {first} ! ☕❤️ {sig}'],
    again: ["Merci {first}, j'ai transmis à l'équipe concernée et je reviens vers vous demain au plus tard. {sig}"],
  },
  vars: {
    dayref: ['hier', 'lundi', 'vendredi dernier', 'il y a trois jours'],
    weekday: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
    time: ['vers 9h', 'à 8h15', 'à midi'],
    holiday: ['à Noël', 'le 1er janvier', 'le lundi de Pâques'],
    place: ['Montréal', 'Québec', 'France', 'Belgique'],
    cafe: ['la boutique {name}', 'la boutique de {name}'],
  },
  euro: true,
  topics: {
    late_delivery: {
      open: [
        'Ma commande {order} devait arriver {dayref} et toujours rien.',
        'Ça fait {days} jours que j’attends ma commande {order}.',
        'Le suivi indique « livré » mais je n’ai rien reçu.',
      ],
      more: ["J'ai payé la livraison express.", "C'était un cadeau d'anniversaire 😩", "C'est la deuxième fois."],
    },
    wrong_grind: { open: ["J'ai commandé du café en grains et j'ai reçu du moulu.", 'Mon {item} est moulu pour espresso alors que j’ai demandé en grains.'] },
    charged_twice: { open: ["J'ai été débitée deux fois pour la commande {order}.", 'Deux prélèvements de {price} pour le même abonnement ??'] },
    cancel_sub: { open: ['Comment je fais pour résilier mon abonnement ? Impossible de trouver l’option.'] },
    q_hours: { open: ['Vous êtes ouverts le dimanche à {cafe} ?', 'Vous êtes ouverts {holiday} ?'] },
    q_decaf: { open: ['Vous avez du déca ? Il est décaféiné à l’eau (Swiss Water) ?'] },
    q_shipping: { open: ['Vous livrez au Québec ? Je suis à Montréal.', 'Est-ce que vous livrez en {place} ?'] },
    praise_roast: { open: ["Le café d'Éthiopie est une tuerie 😍", 'Franchement, le meilleur café que j’ai bu depuis longtemps.'] },
    praise_barista: { open: ['Merci à {barista} de {cafe}, toujours adorable ☕'] },
  },
};

const DE: LangPack = {
  greet: ['Hallo,', 'Guten Tag,', 'Moin,', 'Hallo Harbor-Team,'],
  close: {
    complaint: ['Bitte um schnelle Klärung.', 'Echt enttäuschend.', 'Kann mir bitte jemand helfen?', 'Danke.', 'Eine Frechheit.'],
    question: ['Danke!', 'Vielen Dank im Voraus 🙏', 'Viele Grüße'],
    praise: ['Weiter so!', 'Danke ❤️', 'Top!'],
    spam: [''],
  },
  chase: ['Hallo?', '??', 'Noch keine Antwort...', 'Ist da jemand?', 'Warte jetzt seit {hours} Stunden.'],
  good: ['Danke!', 'Super, vielen Dank für die schnelle Hilfe 🙏', 'Perfekt, danke {agent}!'],
  bad: ['Immer noch nichts angekommen...', 'Das hat man mir beim letzten Mal auch schon gesagt.', 'Das hilft mir nicht weiter.'],
  info: ['Es ist {order}', 'Hab euch eine DM geschickt.'],
  reply: {
    complaintPublic: ['Hallo {first}, das tut uns sehr leid! Schickst du uns deine Bestellnummer per DM? Dann schauen wir sofort nach. {sig}'],
    complaintDm: [
      'Hallo {first}, ich habe mir {order} angeschaut: Wir schicken dir heute kostenlos eine neue Lieferung, die Sendungsnummer kommt per Mail. Entschuldige die Umstände! {sig}',
      'Hallo {first}, das ist jetzt von unserer Seite erledigt, die Bestätigung kommt per Mail. Melde dich gern wieder hier, falls noch etwas ist. {sig}',
    ],
    question: ['Hallo {first}! Alle Infos findest du hier: harborcoffee.com/hilfe – melde dich gern bei weiteren Fragen. {sig}'],
    praise: ['Vielen Dank, {first}! Das freut uns riesig ☕ {sig}'],
    again: ['Danke {first}, ich habe das an das zuständige Team weitergegeben und melde mich spätestens morgen. {sig}'],
  },
  vars: {
    dayref: ['gestern', 'am Montag', 'letzten Freitag', 'vor drei Tagen'],
    weekday: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
    time: ['gegen 9', 'um 8:15', 'mittags'],
    holiday: ['Heiligabend', 'Neujahr', 'Ostermontag'],
    place: ['Deutschland', 'Österreich', 'die Schweiz'],
    cafe: ['das Café {name}', 'die Filiale {name}'],
  },
  euro: true,
  topics: {
    late_delivery: {
      open: [
        'Meine Bestellung {order} sollte {dayref} ankommen und ist immer noch nicht da.',
        'Seit {days} Tagen warte ich auf meine Bestellung {order}.',
        'Laut Sendungsverfolgung zugestellt, aber hier ist nichts angekommen.',
      ],
      more: ['Ich habe für Expressversand bezahlt.', 'Die Nachbarn haben auch nichts.', 'Das war ein Geburtstagsgeschenk 😩'],
    },
    wrong_grind: { open: ['Ich habe ganze Bohnen bestellt und gemahlenen Kaffee bekommen.', 'Die Packung {item} ist für Espresso gemahlen, bestellt hatte ich French Press.'] },
    charged_twice: { open: ['Mir wurde die Bestellung {order} doppelt abgebucht.', 'Zwei Abbuchungen über {price} für dasselbe Abo?'] },
    cancel_sub: { open: ['Wie kann ich mein Abo kündigen? Ich finde die Option nirgends.', 'Bitte kündigen Sie mein Abo zum nächstmöglichen Zeitpunkt.'] },
    app_login: { open: ['Ich kann mich nicht in der App anmelden, die Passwort-Mail kommt nie an.'] },
    q_pause: { open: ['Kann ich mein Abo für einen Monat pausieren? Bin im Urlaub.'] },
    q_decaf: { open: ['Habt ihr auch entkoffeinierten Kaffee?'] },
    q_shipping: { open: ['Liefert ihr auch nach {place}?', 'Was kostet der Versand nach {place}?'] },
    praise_roast: { open: ['Der Äthiopien-Kaffee ist der Wahnsinn!', 'Bester Filterkaffee, den ich seit Langem getrunken habe. Danke!'] },
  },
};

const PT: LangPack = {
  greet: ['Oi,', 'Olá,', 'Boa tarde,', 'Oi pessoal,'],
  close: {
    complaint: ['Aguardo uma solução.', 'Muito decepcionante.', 'Alguém pode me ajudar?', 'Obrigado.', 'Péssimo atendimento.'],
    question: ['Obrigada!', 'Valeu 🙏', 'Desde já, obrigado.'],
    praise: ['Continuem assim!', 'Amo vocês ❤️', 'Nota 10.'],
    spam: [''],
  },
  chase: ['oi?', '??', 'Alguém?', 'Ainda esperando resposta...', 'Já são {hours} horas sem resposta.'],
  good: ['Obrigada!', 'Valeu, resolveu! 🙌', 'Perfeito, muito obrigado {agent}.'],
  bad: ['Continuo esperando...', 'Isso não resolve nada, quero meu dinheiro de volta.', 'Até agora nada.'],
  info: ['É o {order}', 'Mandei por mensagem privada.'],
  reply: {
    complaintPublic: ['Oi {first}, sentimos muito! Você pode nos mandar o número do pedido por mensagem privada? Vamos verificar agora mesmo. {sig}'],
    complaintDm: [
      'Oi {first}, verifiquei o pedido {order}: enviamos um novo hoje, sem custo, e você vai receber o rastreio por e-mail. Desculpe o transtorno! {sig}',
      'Oi {first}, já resolvi por aqui e te mandei a confirmação por e-mail. Se acontecer de novo, é só chamar. {sig}',
    ],
    question: ['Oi {first}! Todas as informações estão aqui: harborcoffee.com/ajuda. Qualquer dúvida, é só chamar. {sig}'],
    praise: ['Muito obrigado, {first}! Ficamos muito felizes ☕❤️ {sig}'],
    again: ['Obrigado {first}, já passei para o time responsável e te dou retorno até amanhã. {sig}'],
  },
  vars: {
    dayref: ['ontem', 'na segunda', 'sexta passada', 'há três dias'],
    weekday: ['segunda', 'terça', 'quarta', 'quinta', 'sexta'],
    time: ['umas 9h', 'às 8h15', 'na hora do almoço'],
    holiday: ['Natal', 'Ano Novo', 'feriado'],
    place: ['o Brasil', 'Portugal'],
    cafe: ['a loja de {name}', 'a cafeteria de {name}'],
  },
  euro: false,
  topics: {
    late_delivery: {
      open: ['Meu pedido {order} era pra chegar {dayref} e até agora nada.', 'Já faz {days} dias que fiz o pedido {order} e não chegou.', "O rastreio diz 'entregue' mas não recebi nada."],
      more: ['Paguei frete expresso.', 'Era presente de aniversário 😩', 'Já perguntei na portaria e nada.'],
    },
    wrong_grind: { open: ['Pedi café em grãos e veio moído.', 'Meu {item} veio moído pra espresso, eu pedi em grãos.'] },
    charged_twice: { open: ['Fui cobrado duas vezes pelo pedido {order}.', 'Apareceram duas cobranças de {price} no meu cartão.'] },
    cancel_sub: { open: ['Como cancelo minha assinatura? Não acho a opção no app.', 'Quero cancelar a assinatura, por favor.'] },
    q_shipping: { open: ['Vocês enviam para {place}?', 'Quanto custa o frete para {place}?'] },
    q_hours: { open: ['Que horas abre {cafe} no domingo?'] },
    q_decaf: { open: ['Vocês têm café descafeinado?'] },
    praise_roast: { open: ['O café da Etiópia é maravilhoso ☕😍', 'Melhor café que já tomei, sério.'] },
    praise_barista: { open: ['{barista}, da loja {cafeName}, é um amor! Atendimento nota 10.', 'Obrigada {barista} pelo melhor flat white da cidade ☕'] },
  },
};

const JA: LangPack = {
  greet: ['こんにちは。', 'すみません、', 'お世話になっております。'],
  close: {
    complaint: ['早急に対応をお願いします。', '正直がっかりです。', 'ご確認をお願いします。'],
    question: ['よろしくお願いします！', 'ありがとうございます🙏'],
    praise: ['これからも応援してます！', 'ありがとうございます☕️'],
    spam: [''],
  },
  chase: ['？？', '返信まだですか？', 'まだでしょうか…', '{hours}時間待っています。'],
  good: ['ありがとうございます！', '助かりました🙏', '了解です、ありがとうございます。'],
  bad: ['まだ届いていません…', '前回も同じ回答でした。'],
  info: ['注文番号は{order}です。', 'DMで送りました。'],
  reply: {
    complaintPublic: ['{first}様、ご不便をおかけして申し訳ございません。ご注文番号をDMでお送りいただけますか？ {sig}'],
    complaintDm: [
      '{first}様、ご注文{order}を確認いたしました。本日、新しい商品を無料で発送いたします。大変申し訳ございませんでした。 {sig}',
      '{first}様、こちらで対応が完了しました。確認メールをお送りしましたのでご確認ください。 {sig}',
    ],
    question: ['{first}様、お問い合わせありがとうございます！詳細はこちらをご覧ください：harborcoffee.com/help {sig}'],
    praise: ['{first}様、嬉しいお言葉をありがとうございます☕️ {sig}'],
    again: ['{first}様、担当チームに確認し、明日までにご連絡いたします。 {sig}'],
  },
  vars: { dayref: ['昨日', '月曜日', '先週の金曜日'], weekday: ['月曜日', '火曜日', '水曜日'], time: ['9時ごろ', 'お昼'], holiday: ['年末年始', 'お盆'], place: ['日本'], cafe: ['{name}店'] },
  euro: false,
  topics: {
    late_delivery: { open: ['注文番号{order}の商品がまだ届きません。', '{days}日前に注文したのですが、まだ発送されていないようです。'], more: ['追跡番号も更新されていません。'] },
    wrong_grind: { open: ['豆のままで注文したのに、粉で届きました。'] },
    charged_twice: { open: ['同じ注文で二重に請求されています。確認してください。'] },
    cancel_sub: { open: ['定期便を解約したいのですが、アプリで方法が見つかりません。'] },
    q_hours: { open: ['{cafe}は日曜日何時から営業していますか？'] },
    q_pause: { open: ['定期便を1ヶ月お休みすることはできますか？'] },
    app_login: { open: ['アプリにログインできません。パスワード再設定のメールも届きません。'] },
    q_shipping: { open: ['日本への発送はできますか？', '日本から注文できますか？送料はいくらですか？'] },
    q_decaf: { open: ['カフェインレスのコーヒーはありますか？'] },
    praise_roast: { open: ['エチオピアの豆、最高でした！☕️ フルーティーで大好きです。', '{item}、本当に美味しいです。リピート確定です！'] },
    praise_barista: { open: ['{cafe}の{barista}さん、いつも丁寧でありがとうございます😊'] },
  },
};

const AR: LangPack = {
  greet: ['مرحبا،', 'السلام عليكم،', 'مساء الخير،'],
  close: {
    complaint: ['أرجو الرد بسرعة.', 'خدمة سيئة للأسف.', 'هل يمكن لأحد مساعدتي؟'],
    question: ['شكراً!', 'شكراً مقدماً 🙏'],
    praise: ['شكراً لكم ❤️', 'استمروا!'],
    spam: [''],
  },
  chase: ['؟؟', 'مرحبا؟', 'هل من أحد؟', 'ما زلت أنتظر الرد'],
  good: ['شكراً جزيلاً!', 'تمام، شكراً 🙏', 'ممتاز، شكراً {agent}'],
  bad: ['ما زلت أنتظر...', 'لم تُحل المشكلة بعد.'],
  info: ['رقم الطلب {order}', 'أرسلت لكم رسالة خاصة.'],
  reply: {
    complaintPublic: ['مرحباً {first}، نعتذر جداً عن الإزعاج. هل يمكنك إرسال رقم الطلب في رسالة خاصة؟ {sig}'],
    complaintDm: [
      'مرحباً {first}، راجعت الطلب {order} وسنرسل لك طلباً جديداً اليوم مجاناً. نعتذر عن التأخير! {sig}',
      'مرحباً {first}، تم حل المشكلة من جهتنا وأرسلنا لك تأكيداً بالبريد الإلكتروني. {sig}',
    ],
    question: ['مرحباً {first}! تجد كل التفاصيل هنا: harborcoffee.com/help {sig}'],
    praise: ['شكراً جزيلاً {first}! سعداء جداً برأيك ☕ {sig}'],
    again: ['شكراً {first}، حوّلت الموضوع إلى الفريق المختص وسنتواصل معك غداً. {sig}'],
  },
  vars: { dayref: ['أمس', 'يوم الاثنين', 'الأسبوع الماضي'], weekday: ['الاثنين', 'الثلاثاء', 'الأربعاء'], time: ['الساعة 9', 'الظهر'], holiday: ['العيد'], place: ['الإمارات', 'السعودية', 'قطر'], cafe: ['فرع {name}'] },
  euro: false,
  topics: {
    late_delivery: { open: ['طلبي رقم {order} لم يصل حتى الآن.', 'طلبت منذ {days} أيام ولم يصلني شيء.'], more: ['دفعت رسوم الشحن السريع.'] },
    charged_twice: { open: ['تم خصم المبلغ مرتين من بطاقتي لنفس الطلب {order}.', 'لماذا تم خصم {price} مرتين هذا الشهر؟'] },
    wrong_grind: { open: ['طلبت القهوة حبوباً كاملة ووصلتني مطحونة.'] },
    stale_beans: { open: ['تاريخ التحميص على الكيس قديم جداً، والقهوة طعمها باهت.'] },
    app_login: { open: ['لا أستطيع تسجيل الدخول إلى التطبيق، ورسالة إعادة تعيين كلمة المرور لا تصل.'] },
    q_hours: { open: ['متى يفتح {cafe} يوم الجمعة؟', 'هل {cafe} مفتوح بعد الساعة السادسة مساءً؟'] },
    q_pause: { open: ['هل يمكنني إيقاف الاشتراك مؤقتاً لمدة شهر؟ سأكون مسافراً.'] },
    q_giftcard: { open: ['هل تبيعون بطاقات هدايا؟ وهل يمكن استخدامها في المقاهي؟'] },
    cancel_sub: { open: ['كيف ألغي الاشتراك؟ لا أجد الخيار في التطبيق.'] },
    q_shipping: { open: ['هل تشحنون إلى {place}؟'] },
    q_decaf: { open: ['هل عندكم قهوة منزوعة الكافيين؟'] },
    praise_roast: { open: ['القهوة الإثيوبية رائعة جداً ☕❤️', 'أفضل قهوة جربتها، شكراً لكم'] },
    praise_barista: { open: ['شكراً لـ{barista} في {cafe}، خدمة ممتازة'] },
  },
};

/** Hindi speakers write Devanagari or romanised Hinglish; the brand answers them in English. */
const HI: LangPack = {
  greet: ['नमस्ते,', 'Hello ji,', 'Hi,'],
  close: {
    complaint: ['जल्दी जवाब दीजिए।', 'bahut bura experience', 'please help karo'],
    question: ['धन्यवाद!', 'thanks ji 🙏'],
    praise: ['❤️', 'keep it up!'],
    spam: [''],
  },
  chase: ['hello??', 'koi hai?', 'जवाब दीजिए', 'reply kab karoge?'],
  good: ['धन्यवाद!', 'thank you ji 🙏', 'ok thanks, ho gaya'],
  bad: ['abhi tak nahi aaya...', 'अभी भी कुछ नहीं हुआ।'],
  info: ['order no. {order}', 'DM kar diya'],
  vars: { dayref: ['कल', 'Monday ko'], weekday: ['Monday', 'Tuesday'], time: ['9 baje'], holiday: ['Diwali'], place: ['India'], cafe: ['{name} café'] },
  euro: false,
  topics: {
    late_delivery: { open: ['मेरा ऑर्डर {order} अभी तक नहीं आया।', 'bhai order {order} kab aayega? {days} din ho gaye'] },
    charged_twice: { open: ['paise do baar kat gaye hain {order} ke liye, refund kab milega?'] },
    q_shipping: { open: ['क्या आप भारत में डिलीवरी करते हैं?'] },
    praise_roast: { open: ['Ethiopian coffee ekdum mast hai 🔥', 'आपकी कॉफ़ी बहुत अच्छी है ☕'] },
  },
};

export const LANGS: Readonly<Record<Lang, LangPack>> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, ja: JA, ar: AR, hi: HI };

/** What a customer writes a minute after the agent answered (the send path schedules it). */
export const AFTER_SEND: Readonly<Record<Lang, { good: readonly string[]; bad: readonly string[] }>> = {
  en: {
    good: ['thanks, that helped!', 'Perfect, thank you {agent} 🙏', 'Got it, thanks for the quick answer!', 'that’s great, thanks for sorting it so fast 🙌', 'ok thank you!!'],
    bad: ['still waiting...', 'ok but when exactly?', 'I already tried that.', 'Hmm, that doesn’t really answer my question.'],
  },
  es: { good: ['¡Gracias, me sirvió!', 'Perfecto, gracias 🙏'], bad: ['Sigo esperando...', 'Eso ya lo probé.'] },
  fr: { good: ['Merci, ça m’aide beaucoup !', 'Parfait, merci 🙏'], bad: ['Toujours en attente...', "J'ai déjà essayé ça."] },
  de: { good: ['Danke, das hat geholfen!', 'Super, danke 🙏'], bad: ['Warte immer noch...', 'Das habe ich schon probiert.'] },
  pt: { good: ['Obrigada, ajudou muito!', 'Perfeito, valeu 🙏'], bad: ['Ainda esperando...', 'Já tentei isso.'] },
  ja: { good: ['ありがとうございます、助かりました！'], bad: ['まだ待っています…'] },
  ar: { good: ['شكراً، هذا ساعدني كثيراً!'], bad: ['ما زلت أنتظر...'] },
  hi: { good: ['धन्यवाद, help ho gayi!'], bad: ['abhi bhi wait kar raha hoon...'] },
};

// ---------------------------------------------------------------------------------------------
// People: names by culture. "Latin|native" gives the name in its own script too.

export interface Culture {
  /** Language these people write in when they do not write English. */
  lang: Lang;
  /** How often they write it rather than English. */
  native: number;
  weight: number;
  first: readonly string[];
  last: readonly string[];
  /** Mastodon servers they tend to be on. */
  instances: readonly string[];
  /** Family name first when written in the native script. */
  familyFirst?: boolean;
}

export const CULTURES: readonly Culture[] = [
  {
    lang: 'en',
    native: 0,
    weight: 44,
    first: ['Emily', 'James', 'Olivia', 'Liam', 'Sophie', 'Noah', 'Chloe', 'Ethan', 'Grace', 'Jack', 'Megan', 'Ryan', 'Hannah', 'Tyler', 'Zoe', 'Connor', 'Abby', 'Dylan', 'Kate', 'Nathan', 'Brianna', 'Marcus', 'Tasha', 'Derek', 'Holly', 'Kevin', 'Lauren', 'Sean', 'Molly', 'Owen', 'Beth', 'Gareth', 'Shannon', 'Darnell', 'Keisha'],
    last: ['Smith', 'Johnson', 'Walker', 'Brooks', 'Carter', 'Murphy', "O'Brien", 'Bennett', 'Hughes', 'Reed', 'Foster', 'Hayes', 'Sullivan', 'Price', 'Ward', 'Fletcher', 'Collins', 'Graham', 'Hart', 'Russell', 'Jenkins', 'McAllister', 'Washington'],
    instances: ['mastodon.social', 'hachyderm.io', 'mas.to', 'fosstodon.org', 'mastodon.online', 'infosec.exchange'],
  },
  {
    lang: 'es',
    native: 0.65,
    weight: 9,
    first: ['Lucía', 'María', 'Sofía', 'Valentina', 'Camila', 'Alejandro', 'Diego', 'Javier', 'Mateo', 'Carmen', 'Pablo', 'Andrés', 'Isabel', 'Sergio', 'Gabriela', 'Ximena'],
    last: ['García', 'López', 'Martínez', 'Rodríguez', 'Hernández', 'Torres', 'Ramírez', 'Flores', 'Navarro', 'Ortega', 'Castillo', 'Morales'],
    instances: ['mastodon.social', 'masto.es', 'mastodon.uy'],
  },
  {
    lang: 'fr',
    native: 0.65,
    weight: 5,
    first: ['Camille', 'Léa', 'Chloé', 'Manon', 'Julien', 'Thomas', 'Nicolas', 'Élodie', 'Mathieu', 'Inès', 'Hugo', 'Margaux', 'Antoine'],
    last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Fournier', 'Rousseau', 'Lambert', 'Tremblay', 'Gagnon'],
    instances: ['piaille.fr', 'mamot.fr', 'mastodon.social'],
  },
  {
    lang: 'de',
    native: 0.65,
    weight: 5,
    first: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Katharina', 'Maximilian', 'Sophie', 'Tobias', 'Julia', 'Jannik', 'Miriam'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Wagner'],
    instances: ['chaos.social', 'norden.social', 'mastodon.social'],
  },
  {
    lang: 'pt',
    native: 0.65,
    weight: 5,
    first: ['João', 'Ana', 'Beatriz', 'Gabriel', 'Larissa', 'Rafael', 'Mariana', 'Thiago', 'Juliana', 'Pedro', 'Fernanda', 'Lucas'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Ferreira', 'Carvalho', 'Ribeiro'],
    instances: ['mastodon.com.br', 'mastodon.social'],
  },
  {
    lang: 'ja',
    native: 0.85,
    weight: 4,
    first: ['Yuki|ゆき', 'Haruto|陽翔', 'Sakura|さくら', 'Kenta|健太', 'Aoi|葵', 'Misaki|美咲', 'Takumi|拓海', 'Yui|結衣', 'Ren|蓮', 'Hina|陽菜'],
    last: ['Sato|佐藤', 'Suzuki|鈴木', 'Takahashi|高橋', 'Tanaka|田中', 'Watanabe|渡辺', 'Ito|伊藤', 'Yamamoto|山本', 'Nakamura|中村'],
    instances: ['mstdn.jp', 'fedibird.com', 'mastodon-japan.net'],
    familyFirst: true,
  },
  {
    lang: 'ar',
    native: 0.7,
    weight: 5,
    first: ['Layla|ليلى', 'Omar|عمر', 'Yousef|يوسف', 'Fatima|فاطمة', 'Ahmed|أحمد', 'Noor|نور', 'Khalid|خالد', 'Mariam|مريم', 'Hassan|حسن', 'Salma|سلمى'],
    last: ['Haddad|حداد', 'Al-Sayed|السيد', 'Khalil|خليل', 'Nasser|ناصر', 'Mansour|منصور', 'Hamdan|حمدان'],
    instances: ['mastodon.social'],
  },
  {
    lang: 'hi',
    native: 0.35,
    weight: 5,
    first: ['Priya|प्रिया', 'Rahul|राहुल', 'Ananya|अनन्या', 'Arjun|अर्जुन', 'Neha|नेहा', 'Vikram|विक्रम', 'Pooja|पूजा', 'Rohan|रोहन', 'Kavya|काव्या', 'Aditya|आदित्य'],
    last: ['Sharma|शर्मा', 'Patel|पटेल', 'Gupta|गुप्ता', 'Iyer|अय्यर', 'Reddy|रेड्डी', 'Singh|सिंह', 'Mehta|मेहता'],
    instances: ['mastodon.social', 'mastodon.online'],
  },
  // People who write to the brand in English, from everywhere else.
  { lang: 'en', native: 0, weight: 3, first: ['Chinedu', 'Adaeze', 'Tunde', 'Funmi', 'Emeka', 'Ngozi', 'Kemi'], last: ['Okafor', 'Adeyemi', 'Balogun', 'Eze', 'Nwosu'], instances: ['mastodon.social'] },
  { lang: 'en', native: 0, weight: 3, first: ['Min-jun', 'Ji-woo', 'Seo-yeon', 'Hyun-woo', 'Da-eun'], last: ['Kim', 'Park', 'Lee', 'Choi', 'Jung'], instances: ['mastodon.social'] },
  { lang: 'en', native: 0, weight: 3, first: ['Wei', 'Mei', 'Jun', 'Xiaoling', 'Lin', 'Hao'], last: ['Chen', 'Wang', 'Liu', 'Zhang', 'Huang'], instances: ['mastodon.social', 'hachyderm.io'] },
  { lang: 'en', native: 0, weight: 2, first: ['Daan', 'Sanne', 'Lotte', 'Bram', 'Femke'], last: ['de Vries', 'Jansen', 'Bakker', 'Visser'], instances: ['mastodon.nl'] },
  { lang: 'en', native: 0, weight: 2, first: ['Kasia', 'Piotr', 'Agnieszka', 'Tomasz'], last: ['Nowak', 'Wiśniewski', 'Kowalczyk', 'Zielińska'], instances: ['mastodon.social'] },
  { lang: 'en', native: 0, weight: 2, first: ['Elin', 'Oskar', 'Linnea', 'Erik', 'Astrid'], last: ['Lindqvist', 'Johansson', 'Berg', 'Nyström'], instances: ['mastodon.nu'] },
  { lang: 'en', native: 0, weight: 2, first: ['Linh', 'Minh', 'Thao', 'Duc'], last: ['Nguyen', 'Tran', 'Pham', 'Le'], instances: ['mastodon.social'] },
  { lang: 'en', native: 0, weight: 2, first: ['Elif', 'Emre', 'Zeynep', 'Can'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin'], instances: ['mastodon.social'] },
];

/** Decorations people put around their display names. */
export const NAME_FLAIR = [' ☕', ' ✨', ' 🌿', ' | coffee nerd', ' 🏳️‍🌈', ' 🇨🇦', ' 🐈', ' 🌻', ' | runner'];
