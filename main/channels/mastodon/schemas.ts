/**
 * The Mastodon entities this adapter reads (docs.joinmastodon.org/entities), as zod schemas.
 * Pages are checked as lists only and their items one by one, so one odd item becomes a
 * rejected entry instead of failing the page. Unknown fields pass through: `raw` keeps them.
 */
import { z } from 'zod';

/** "String (cast from an integer, but not guaranteed to be a number)" per the docs. */
export const Id = z.string().min(1).max(64);

/** Mastodon writes ISO 8601 with milliseconds and Z; remote servers may send an offset. */
const DateTime = z.iso.datetime({ offset: true });

export const AccountSchema = z.looseObject({
  id: Id,
  username: z.string().min(1),
  /** `username` for local accounts, `username@domain` for remote ones. */
  acct: z.string().min(1),
  display_name: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
});
export type Account = z.infer<typeof AccountSchema>;

const MentionSchema = z.looseObject({ id: Id, username: z.string(), acct: z.string() });

const AttachmentSchema = z.looseObject({ type: z.string(), description: z.string().nullable().optional() });

export const StatusSchema = z.looseObject({
  id: Id,
  created_at: DateTime,
  in_reply_to_id: Id.nullable().optional(),
  in_reply_to_account_id: Id.nullable().optional(),
  // public | unlisted | private | direct; kept open so a newer value is mapped, not rejected.
  visibility: z.string(),
  spoiler_text: z.string().optional(),
  content: z.string(),
  account: AccountSchema,
  mentions: z.array(MentionSchema).optional(),
  media_attachments: z.array(AttachmentSchema).optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export const NotificationSchema = z.looseObject({
  id: Id,
  type: z.string(),
  created_at: DateTime,
  account: AccountSchema,
  status: StatusSchema.nullable().optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ConversationSchema = z.looseObject({
  id: Id,
  unread: z.boolean().optional(),
  /** Participants other than the brand; empty for a conversation with itself. */
  accounts: z.array(AccountSchema),
  last_status: StatusSchema.nullable(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Items are validated one by one by the caller. */
export const ContextSchema = z.looseObject({ ancestors: z.array(z.unknown()), descendants: z.array(z.unknown()) });

const MaxCharacters = z.number().int().positive();

/** GET /api/v2/instance (4.0+) and GET /api/v1/instance (3.4.2+ has `configuration`). */
export const InstanceSchema = z.looseObject({
  configuration: z.looseObject({ statuses: z.looseObject({ max_characters: MaxCharacters }).optional() }).optional(),
  // Pleroma/Akkoma and glitch-soc forks announce their limit here on v1.
  max_toot_chars: MaxCharacters.optional(),
});

/** The first schema issue, in words, for a rejected item's reason. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(item)';
  return `${path}: ${issue.message}`;
}
