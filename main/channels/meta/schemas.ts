/**
 * Shapes of the Graph objects the adapters read, validated one item at a time: a listing whose
 * envelope is broken is a bad page, an item that doesn't fit is rejected with its raw body and
 * the rest of the page is still stored. Field names as documented for the Conversations API,
 * Page feed comments and Instagram media comments.
 */
import { z } from 'zod';

/** Graph writes times as ISO 8601 with a +0000 offset; a few surfaces use UNIX seconds. */
export const graphTime = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? (v < 1e12 ? v * 1000 : v) : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `not a time: ${String(v)}` });
    return z.NEVER;
  }
  return ms;
});

const paging = z
  .object({
    cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).partial().optional(),
    next: z.string().optional(),
  })
  .optional();

/** `{ data: [...], paging: { cursors: { after }, next } }`: `next` is absent on the last page. */
export const listing = z.object({ data: z.array(z.unknown()), paging });
export type Listing = z.infer<typeof listing>;

/** A Messenger (id, name, email) or Instagram (id, username) participant. */
export const person = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
  email: z.string().optional(),
});
export type Person = z.infer<typeof person>;

export const dmMessage = z.object({
  id: z.string().min(1),
  created_time: graphTime,
  from: person,
  to: z.object({ data: z.array(person) }).optional(),
  /** Empty for attachments, stickers and reactions. */
  message: z.string().optional().default(''),
});
export type DmMessage = z.infer<typeof dmMessage>;

export const conversation = z.object({
  id: z.string().min(1),
  updated_time: graphTime,
  participants: z.object({ data: z.array(person).min(1) }),
  messages: listing.optional(),
});
export type Conversation = z.infer<typeof conversation>;

/** A Facebook comment with `parent` only when it is a reply. */
export const fbComment = z.object({
  id: z.string().min(1),
  created_time: graphTime,
  from: person.optional(),
  message: z.string().optional().default(''),
  parent: z.object({ id: z.string().min(1), from: person.optional() }).optional(),
  comment_count: z.number().optional(),
});
export type FbComment = z.infer<typeof fbComment>;

export const fbPost = z.object({
  id: z.string().min(1),
  created_time: graphTime.optional(),
  comments: listing.optional(),
});

export const igComment = z.object({
  id: z.string().min(1),
  text: z.string().optional().default(''),
  timestamp: graphTime,
  username: z.string().optional(),
  from: z.object({ id: z.string().min(1), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
  replies: listing.optional(),
});
export type IgComment = z.infer<typeof igComment>;

export const igMedia = z.object({
  id: z.string().min(1),
  caption: z.string().optional(),
  timestamp: graphTime.optional(),
  comments: listing.optional(),
});

/** What the Send API and the comment endpoints answer. */
export const sendResult = z.object({ message_id: z.string().min(1), recipient_id: z.string().optional() });
export const createdObject = z.object({ id: z.string().min(1) });

/** The first issue of a failed parse, short enough for a rejected item's reason. */
export function reasonOf(err: z.ZodError, what: string): string {
  const issue = err.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'item';
  return `${what}: ${where}: ${issue?.message ?? 'does not match the documented shape'}`;
}
