/**
 * The parts of Bot API objects the adapter relies on (core.telegram.org/bots/api: Update,
 * Message, User, Chat, MessageEntity, ResponseParameters). Validated per update, so one odd
 * update becomes a rejected item and the rest of the page is still stored. Fields we don't
 * read stay in `raw` untouched.
 */
import { z } from 'zod';

/** Chat and user ids have up to 52 significant bits: safe as JS numbers, not as 32-bit ints. */
const Id = z.number().int().refine(Number.isSafeInteger, 'id out of range');

export const User = z.object({
  id: Id,
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type User = z.infer<typeof User>;

export const Chat = z.object({
  id: Id,
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
});
export type Chat = z.infer<typeof Chat>;

const Entity = z.object({
  type: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  user: User.optional(),
});
export type Entity = z.infer<typeof Entity>;

const messageFields = {
  message_id: z.number().int(),
  message_thread_id: z.number().int().optional(),
  from: User.optional(),
  sender_chat: Chat.optional(),
  date: z.number().int().positive(),
  chat: Chat,
  edit_date: z.number().int().optional(),
  is_topic_message: z.boolean().optional(),
  text: z.string().optional(),
  entities: z.array(Entity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(Entity).optional(),
};

/** A replied-to message: Telegram never nests a further reply_to_message inside it. */
// Loose: the media fields (photo, voice ...) are kept to say what a message without text was.
export const RepliedMessage = z.looseObject(messageFields);
// A replied-to message we can't read costs only the grouping, not the customer's message.
export const Message = z.looseObject({ ...messageFields, reply_to_message: RepliedMessage.optional().catch(undefined) });
export type Message = z.infer<typeof Message>;
export type RepliedMessage = z.infer<typeof RepliedMessage>;

/** An update as far as paging needs it; its payload is checked separately. */
export const UpdateHead = z.object({ update_id: z.number().int() });

export const Envelope = z.object({ ok: z.boolean(), result: z.unknown() });

export const ApiErrorBody = z.object({
  ok: z.literal(false).optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z
    .object({
      retry_after: z.number().nonnegative().optional(),
      migrate_to_chat_id: z.number().optional(),
    })
    .optional(),
});
