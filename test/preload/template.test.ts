import { describe, expect, it } from 'vitest';
import {
  expandShortcutAt,
  findBlanks,
  firstName,
  nextBlank,
  renderTemplate,
  replyProblems,
  type TemplateContext,
} from '../../preload/shared/template';

const ctx: TemplateContext = {
  customer: { name: 'María José López', firstName: 'María', handle: '@mariajl' },
  agent: { name: 'Sam', signature: '— Sam, Acme Support' },
  channel: 'X',
};
const noFirstName: TemplateContext = { ...ctx, customer: { ...ctx.customer, firstName: null } };

/** Every blank's offsets must point at its own marker in the text. */
function expectBlanksAt(text: string, blanks: Array<{ start: number; end: number; label: string }>): void {
  for (const b of blanks) expect(text.slice(b.start, b.end)).toBe(`⟦${b.label}⟧`);
}

describe('renderTemplate: placeholders', () => {
  it.each<[string, string, TemplateContext, string]>([
    ['first name', 'Hi {{customer.first_name}}!', ctx, 'Hi María!'],
    ['full name', '{{customer.name}}', ctx, 'María José López'],
    ['handle', 'Thanks {{customer.handle}}', ctx, 'Thanks @mariajl'],
    ['agent name and signature', '{{agent.name}}\n{{agent.signature}}', ctx, 'Sam\n— Sam, Acme Support'],
    ['channel', 'via {{channel}}', ctx, 'via X'],
    ['whitespace inside braces', 'Hi {{  customer.first_name  }}', ctx, 'Hi María'],
    ['names are case-insensitive', 'Hi {{Customer.First_Name}}', ctx, 'Hi María'],
    ['fallback unused when the value is known', 'Hi {{customer.first_name | "there"}}', ctx, 'Hi María'],
    ['double-quoted fallback', 'Hi {{customer.first_name | "there"}}', noFirstName, 'Hi there'],
    ['single-quoted fallback', "Hi {{customer.first_name|'friend'}}", noFirstName, 'Hi friend'],
    ['fallback with spaces around', 'Hi {{ customer.first_name |  "there"  }}!', noFirstName, 'Hi there!'],
    ['empty quoted fallback renders nothing', 'Hi{{customer.first_name | ""}}!', noFirstName, 'Hi!'],
    ['a stray } after a placeholder stays', '{{agent.name}}}', ctx, 'Sam}'],
    ['extra braces around a placeholder stay as text', '{{{agent.name}}}', ctx, '{Sam}'],
    ['no placeholders at all', 'Plain text, {single} braces', ctx, 'Plain text, {single} braces'],
  ])('%s', (_, body, context, expected) => {
    const out = renderTemplate(body, context);
    expect(out.text).toBe(expected);
    expect(out.problems).toEqual([]);
    expect(out.blanks).toEqual([]);
  });

  it('treats a whitespace-only value as missing', () => {
    const blankName = { ...ctx, customer: { ...ctx.customer, firstName: '   ' } };
    expect(renderTemplate('Hi {{customer.first_name | "there"}}', blankName).text).toBe('Hi there');
  });

  it('inserts values literally, never as new placeholders or blanks', () => {
    const sneaky = { ...ctx, customer: { ...ctx.customer, firstName: '⟦x⟧ {{agent.name}}' } };
    const out = renderTemplate('Hi {{customer.first_name}}', sneaky);
    expect(out.text).toBe('Hi [x] {{agent.name}}');
    expect(out.blanks).toEqual([]);
  });
});

describe('renderTemplate: blanks', () => {
  it('renders free blanks as ⟦label⟧ with exact UTF-16 offsets', () => {
    const out = renderTemplate('😀 Order {{blank:order number}} ships {{ blank: date }}.', ctx);
    expect(out.text).toBe('😀 Order ⟦order number⟧ ships ⟦date⟧.');
    expect(out.blanks).toEqual([
      { start: 9, end: 23, label: 'order number' },
      { start: 30, end: 36, label: 'date' },
    ]);
    expectBlanksAt(out.text, out.blanks);
    expect(out.problems).toEqual([]);
  });

  it('turns a missing first name without fallback into a blank the agent must fill', () => {
    const out = renderTemplate('Hi {{customer.first_name}}, thanks!', noFirstName);
    expect(out.text).toBe('Hi ⟦customer first name⟧, thanks!');
    expect(out.blanks).toEqual([{ start: 3, end: 24, label: 'customer first name' }]);
    expect(out.problems).toEqual([]);
  });

  it('turns any empty known value into a blank named after it', () => {
    const unsigned = { ...ctx, agent: { name: 'Sam', signature: '' } };
    const out = renderTemplate('Thanks!\n{{agent.signature}}', unsigned);
    expect(out.text).toBe('Thanks!\n⟦agent signature⟧');
    expectBlanksAt(out.text, out.blanks);
  });

  it('labels an empty blank so there is still something to fill', () => {
    expect(renderTemplate('{{blank:}}', ctx).text).toBe('⟦blank⟧');
  });
});

describe('renderTemplate: problems', () => {
  it('keeps an unknown placeholder literally and reports it with its position', () => {
    const out = renderTemplate('Your order {{order.id}} is late', ctx);
    expect(out.text).toBe('Your order {{order.id}} is late');
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ kind: 'unknown-placeholder', source: '{{order.id}}', start: 11, end: 23 });
    expect(out.problems[0]?.message).toContain('{{order.id}}');
  });

  it('does not apply a fallback to an unknown placeholder', () => {
    const out = renderTemplate('{{order.id | "n/a"}}', ctx);
    expect(out.text).toBe('{{order.id | "n/a"}}');
    expect(out.problems.map((p) => p.kind)).toEqual(['unknown-placeholder']);
  });

  it.each(['{{constructor}}', '{{__proto__}}', '{{toString}}'])('treats %s as unknown, not as an object property', (body) => {
    const out = renderTemplate(body, ctx);
    expect(out.text).toBe(body);
    expect(out.problems.map((p) => p.kind)).toEqual(['unknown-placeholder']);
  });

  it('reports an empty placeholder', () => {
    expect(renderTemplate('x {{ }} y', ctx).problems.map((p) => p.source)).toEqual(['{{ }}']);
  });

  it('keeps {{ without }} as text, reports it, and still renders what follows', () => {
    const out = renderTemplate('Hi {{customer.first_name and {{agent.name}} here', ctx);
    expect(out.text).toBe('Hi {{customer.first_name and Sam here');
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ kind: 'unclosed-braces', start: 3, end: 5 });
  });

  it('reports a {{ left open at the very end', () => {
    const out = renderTemplate('Bye {{agent.name', ctx);
    expect(out.text).toBe('Bye {{agent.name');
    expect(out.problems.map((p) => p.kind)).toEqual(['unclosed-braces']);
  });

  it('handles thousands of unclosed braces without blowing up', () => {
    const body = '{{ '.repeat(5_000) + '{{agent.name}}';
    const out = renderTemplate(body, ctx);
    expect(out.text.endsWith('Sam')).toBe(true);
    expect(out.problems).toHaveLength(5_000);
  });
});

describe('blanks in the composer', () => {
  it('finds blanks left after the agent edited the text', () => {
    const text = 'Order ⟦order number⟧ ships ⟦date⟧, filled ⟦⟧';
    const blanks = findBlanks(text);
    expect(blanks.map((b) => b.label)).toEqual(['order number', 'date', '']);
    expectBlanksAt(text, blanks);
  });

  it('keeps positions right when templates are stacked into a draft', () => {
    const draft = 'Hello! ';
    const first = renderTemplate('Order {{blank:order number}}.', ctx).text;
    const second = renderTemplate(' Ships {{blank:date}} to {{customer.first_name}}.', noFirstName).text;
    // Insert the first at the end, then the second in front of the first's final "."
    let text = draft + first;
    const cursor = text.length - 1;
    text = text.slice(0, cursor) + second + text.slice(cursor);
    expect(text).toBe('Hello! Order ⟦order number⟧ Ships ⟦date⟧ to ⟦customer first name⟧..');
    const blanks = findBlanks(text);
    expect(blanks.map((b) => b.label)).toEqual(['order number', 'date', 'customer first name']);
    expectBlanksAt(text, blanks);
  });

  const text = 'A ⟦one⟧ B ⟦two⟧ C ⟦three⟧ D';
  it.each<[string, number, boolean, string | null]>([
    ['forward from the start', 0, false, 'one'],
    ['forward from right before a blank selects that blank', 2, false, 'one'],
    ['forward from the end of the selected first blank', 7, false, 'two'],
    ['forward from inside a blank moves to the next', 4, false, 'two'],
    ['forward past the last wraps to the first', 25, false, 'one'],
    ['backward from the start of the second', 10, true, 'one'],
    ['backward from the start of the first wraps to the last', 2, true, 'three'],
    ['backward from the end of text', text.length, true, 'three'],
  ])('nextBlank: %s', (_, cursor, backwards, label) => {
    expect(nextBlank(text, cursor, backwards)?.label ?? null).toBe(label);
  });

  it('nextBlank returns the blank with its exact span, and null when none remain', () => {
    const b = nextBlank(text, 0);
    expect(b && text.slice(b.start, b.end)).toBe('⟦one⟧');
    expect(nextBlank('all filled in', 3)).toBeNull();
    expect(nextBlank('all filled in', 3, true)).toBeNull();
  });

  it('nextBlank with a single blank always lands on it', () => {
    expect(nextBlank('x ⟦only⟧ y', 9)?.start).toBe(2);
    expect(nextBlank('x ⟦only⟧ y', 0, true)?.start).toBe(2);
  });
});

describe('replyProblems', () => {
  it.each<[string, string, string[]]>([
    ['a finished reply', 'Thanks María, your order ships today.', []],
    ['empty', '', ['The reply is empty.']],
    ['whitespace only', '  \n\t ', ['The reply is empty.']],
    ['invisible characters only', '\u200B\uFEFF ', ['The reply is empty.']],
    ['an unfilled blank', 'Order ⟦order number⟧ ships', ['Fill in the blank “order number”.']],
    ['an empty blank', 'Order ⟦⟧ ships', ['Fill in the empty blank ⟦⟧.']],
    [
      'two blanks, the same one twice',
      '⟦date⟧ ⟦order number⟧ ⟦date⟧',
      ['Fill in the blank “date”.', 'Fill in the blank “order number”.'],
    ],
    ['an unknown placeholder', 'Your order {{order.id}}', ['Unknown placeholder {{order.id}}: edit it out or replace it.']],
    ['an unrendered known placeholder', 'Hi {{customer.first_name}}', ['Unknown placeholder {{customer.first_name}}: edit it out or replace it.']],
    ['a leftover half of a blank', 'Order ⟦order number ships', ['Remove the leftover ⟦ or ⟧ of a blank.']],
    ['an unclosed placeholder', 'Hi {{customer', ['A placeholder opened with {{ is never closed: edit it out.']],
    [
      'several reasons at once, in order',
      'Hi ⟦name⟧, {{order.id}}',
      ['Fill in the blank “name”.', 'Unknown placeholder {{order.id}}: edit it out or replace it.'],
    ],
  ])('%s', (_, text, expected) => {
    expect(replyProblems(text)).toEqual(expected);
  });

  it('accepts a rendered template once its blanks are filled', () => {
    const { text, blanks } = renderTemplate('Order {{blank:order number}} for {{customer.first_name}}', ctx);
    expect(replyProblems(text)).toHaveLength(1);
    const [b] = blanks;
    const filled = b ? text.slice(0, b.start) + '#4521' + text.slice(b.end) : text;
    expect(filled).toBe('Order #4521 for María');
    expect(replyProblems(filled)).toEqual([]);
  });
});

describe('firstName', () => {
  it.each<[string, string | null]>([
    ['María José López', 'María'],
    ['Anna', 'Anna'],
    ['  Jean-Luc Picard ', 'Jean-Luc'],
    ["Siobhán O'Brien", 'Siobhán'],
    ['Dr. Anna Schmidt', 'Anna'],
    ['Mrs Smith-Jones', null],
    ['Mr. John Smith-Jones', 'John'],
    ['Prof. Dr. Hans Weber', 'Hans'],
    ['Anna Schmidt, PhD', 'Anna'],
    ['🌸 Anna 🌸', 'Anna'],
    ['Anna🌸', 'Anna'],
    ['محمد علي', 'محمد'],
    ['שרה כהן', 'שרה'],
    ['Zoë', 'Zoë'],
    ['Zoe\u0308 Smith', 'Zoë'], // decomposed input comes back composed
    ['Anna (@anna_s)', 'Anna'],
    ['@handle', null],
    ['@anna_s Anna', null],
    ['🎉🎉🎉', null],
    ['', null],
    ['   ', null],
    ['Dr.', null],
    ['J. Smith', null],
    ['john_doe92', null],
    ['x'.repeat(40), null],
    ['\uD800', null],
  ])('%j → %j', (display, expected) => {
    expect(firstName(display)).toBe(expected);
  });
});

describe('expandShortcutAt', () => {
  it.each<[string, string, number, { shortcut: string; start: number } | null]>([
    ['at the start of the text', ';ship', 5, { shortcut: 'ship', start: 0 }],
    ['after a space', 'Hi ;ship', 8, { shortcut: 'ship', start: 3 }],
    ['after a newline', 'Hi\n;refund-2', 12, { shortcut: 'refund-2', start: 3 }],
    ['with underscores and digits', ';out_of_stock9', 14, { shortcut: 'out_of_stock9', start: 0 }],
    ['with text after the cursor', ';ship now', 5, { shortcut: 'ship', start: 0 }],
    ['glued to a word', 'a;b', 3, null],
    ['after punctuation', 'ok.;ship', 8, null],
    ['a bare semicolon', 'Hi ;', 4, null],
    ['a space before the cursor', ';ship ', 6, null],
    ['upper case is not a shortcut', ';Ship', 5, null],
    ['cursor in the middle of the word', ';shipping', 5, null],
    ['cursor at 0', ';ship', 0, null],
    ['empty text', '', 0, null],
    ['cursor past the end is clamped', ';ship', 99, { shortcut: 'ship', start: 0 }],
    ['a second semicolon wins only if preceded by space', ';a;b', 4, null],
  ])('%s', (_, text, cursor, expected) => {
    expect(expandShortcutAt(text, cursor)).toEqual(expected);
  });
});
