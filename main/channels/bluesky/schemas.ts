/**
 * The platform payloads this adapter reads, as the lexicons define them (app.bsky.*, chat.bsky.*,
 * com.atproto.*). Pages are checked in two steps: the envelope (must hold, or the page is
 * `bad_payload`) and each item on its own (a broken item becomes a `rejected` entry).
 */
import { z } from 'zod';

const datetime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a datetime');
export const strongRef = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });

/** app.bsky.feed.post (the fields a care agent needs). */
export const postRecord = z.object({
  text: z.string(),
  createdAt: datetime,
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
});
export type PostRecord = z.infer<typeof postRecord>;

/** app.bsky.actor.defs#profileViewBasic / #profileView (what notifications and posts carry). */
export const profileBasic = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  displayName: z.string().optional(),
});
export type ProfileBasic = z.infer<typeof profileBasic>;

/** app.bsky.actor.defs#profileViewDetailed (getProfile / getProfiles). */
export const profileDetailed = profileBasic.extend({ followersCount: z.number().int().nonnegative().optional() });
export type ProfileDetailed = z.infer<typeof profileDetailed>;

// ---------------------------------------------------------------------------------------------
// Sessions

export const sessionOutput = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  handle: z.string(),
  did: z.string().startsWith('did:'),
  didDoc: z.unknown().optional(),
});

/** A DID document's `service` entries; the PDS is the one with id `#atproto_pds`. */
export const didDoc = z.object({ service: z.array(z.unknown()).optional() });
export const didService = z.object({ id: z.string(), type: z.string().optional(), serviceEndpoint: z.unknown() });

// ---------------------------------------------------------------------------------------------
// Notifications and posts

/** Enough of an item to place it in time: a page is walked by these even when one is broken. */
export const timedItem = z.object({ uri: z.string(), indexedAt: datetime });

export const notificationsPage = z.object({ cursor: z.string().optional(), notifications: z.array(z.unknown()) });
export const notification = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string().min(1),
  author: profileBasic,
  reason: z.string(),
  record: postRecord,
  indexedAt: datetime,
});
export type Notification = z.infer<typeof notification>;

/** app.bsky.feed.defs#postView */
export const postView = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string().min(1),
  author: profileBasic,
  record: postRecord,
  indexedAt: datetime,
  viewer: z.object({ replyDisabled: z.boolean().optional() }).optional(),
});
export type PostView = z.infer<typeof postView>;

export const feedPage = z.object({ cursor: z.string().optional(), feed: z.array(z.unknown()) });
/** app.bsky.feed.defs#feedViewPost: reply.root/parent may be #notFoundPost or #blockedPost. */
export const feedItem = z.object({
  post: postView,
  reply: z
    .object({
      root: z.object({ author: profileBasic.optional() }).loose(),
      parent: z.object({ author: profileBasic.optional() }).loose(),
      grandparentAuthor: profileBasic.optional(),
    })
    .optional(),
  reason: z.unknown().optional(),
});
export const feedItemTime = z.object({
  post: z.object({ uri: z.string(), indexedAt: datetime }),
  reason: z.object({ indexedAt: datetime.optional() }).loose().optional(),
});

export const postsOutput = z.object({ posts: z.array(z.unknown()) });
export const profilesOutput = z.object({ profiles: z.array(z.unknown()) });
export const recordOutput = z.object({ uri: z.string(), cid: z.string().optional(), value: z.unknown() });
export const createRecordOutput = z.object({ uri: z.string().startsWith('at://'), cid: z.string() });

// ---------------------------------------------------------------------------------------------
// Chat (chat.bsky.convo.*)

export const MESSAGE_VIEW = 'chat.bsky.convo.defs#messageView';
export const LOG_CREATE_MESSAGE = 'chat.bsky.convo.defs#logCreateMessage';

export const messageView = z.object({
  id: z.string().min(1),
  rev: z.string(),
  text: z.string(),
  sender: z.object({ did: z.string().startsWith('did:') }),
  sentAt: datetime,
});
export type MessageView = z.infer<typeof messageView>;

export const convoView = z.object({
  id: z.string().min(1),
  rev: z.string(),
  members: z.array(profileBasic),
  lastMessage: z.unknown().optional(),
});
export type ConvoView = z.infer<typeof convoView>;

export const convosPage = z.object({ cursor: z.string().optional(), convos: z.array(z.unknown()) });
export const convoOutput = z.object({ convo: convoView });
export const logPage = z.object({ cursor: z.string().optional(), logs: z.array(z.unknown()) });
/** Every log entry has these, whatever its type. */
export const logEntry = z.object({ $type: z.string(), rev: z.string().min(1), convoId: z.string().min(1) }).loose();
export const logCreateMessage = z.object({
  rev: z.string(),
  convoId: z.string().min(1),
  message: z.object({ $type: z.string().optional() }).loose(),
  relatedProfiles: z.array(z.unknown()).optional(),
});
export const messagesPage = z.object({ cursor: z.string().optional(), messages: z.array(z.unknown()) });

/** Why a value did not parse, in a line (for `rejected` entries). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unreadable item';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'item';
  return `${where}: ${issue.message}`;
}
