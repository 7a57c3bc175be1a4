/**
 * The shapes of X API v2 payloads this adapter reads, as zod schemas. Pages are checked loosely
 * (envelope only) and their items one by one, so a single odd item becomes a rejected entry
 * instead of failing the page. Unknown fields pass through: `raw` keeps what X sent.
 */
import { z } from 'zod';

/** Snowflake ids are decimal strings; X sends them as strings so no precision is lost. */
const Id = z.string().regex(/^\d{1,20}$/);

export const TweetSchema = z.looseObject({
  id: Id,
  text: z.string(),
  author_id: Id,
  created_at: z.iso.datetime({ offset: true }),
  conversation_id: Id.optional(),
  in_reply_to_user_id: Id.optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: Id })).optional(),
  // Posts longer than 280 (X Premium) carry their full text here; `text` is then truncated.
  note_tweet: z.looseObject({ text: z.string() }).optional(),
});
export type Tweet = z.infer<typeof TweetSchema>;

export const UserSchema = z.looseObject({
  id: Id,
  name: z.string(),
  username: z.string().min(1),
  public_metrics: z.looseObject({ followers_count: z.number().int().nonnegative() }).optional(),
});
export type User = z.infer<typeof UserSchema>;

export const DmEventSchema = z.looseObject({
  id: Id,
  event_type: z.string(),
  text: z.string(),
  sender_id: Id,
  dm_conversation_id: z.string().regex(/^(\d{1,20}-\d{1,20}|\d{1,20})$/),
  created_at: z.iso.datetime({ offset: true }),
});
export type DmEvent = z.infer<typeof DmEventSchema>;

/** A v2 problem: the body of a failed request, or one entry of a 200's partial `errors`. */
export const ProblemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  status: z.number().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  value: z.unknown().optional(),
  resource_id: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The envelope of every list response; items stay `unknown` until checked one by one. */
export const PageSchema = z.looseObject({
  data: z.array(z.unknown()).optional(),
  includes: z
    .looseObject({
      users: z.array(z.unknown()).optional(),
      tweets: z.array(z.unknown()).optional(),
    })
    .optional(),
  errors: z.array(z.unknown()).optional(),
  meta: z
    .looseObject({
      result_count: z.number().optional(),
      newest_id: z.string().optional(),
      oldest_id: z.string().optional(),
      next_token: z.string().optional(),
    })
    .optional(),
});
export type Page = z.infer<typeof PageSchema>;

export const MeSchema = z.looseObject({ data: UserSchema });

export const CreatedTweetSchema = z.looseObject({ data: z.looseObject({ id: Id, text: z.string().optional() }) });
export const CreatedDmSchema = z.looseObject({ data: z.looseObject({ dm_event_id: Id, dm_conversation_id: z.string() }) });

export const TokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
});
