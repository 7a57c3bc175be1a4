/**
 * The non-secret settings of a Facebook Page or Instagram account, read once from
 * `account.config` with the real Graph API as default. Tests point `baseUrl` at the fake and
 * shrink the page sizes and the timeout.
 */
import { ChannelError } from '../types';

export const DEFAULT_GRAPH_BASE = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v23.0';
/** The keychain entry that holds the Page access token. */
export const TOKEN_SECRET = 'pageAccessToken';

export interface MetaConfig {
  baseUrl: string;
  graphVersion: string;
  pageId: string;
  /** The Instagram professional account linked to the Page (Instagram accounts only). */
  igUserId: string | null;
  igUsername: string | null;
  timeoutMs: number;
  /** Conversations, posts or media per page of a listing. */
  pageSize: number;
  /** Newest posts (or media) whose comments each round looks at. */
  postWindow: number;
  /** Comments asked for per post and per page of a post's comments. */
  commentsPerPost: number;
  /** How far back the first poll of a new account reaches. */
  backfillDays: number;
}

export function readMetaConfig(config: Record<string, unknown>): MetaConfig {
  const str = (k: string): string | null => {
    const v = config[k];
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  const int = (k: string, fallback: number, min: number, max: number): number => {
    const v = config[k];
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.floor(v))) : fallback;
  };
  const version = str('graphVersion') ?? DEFAULT_GRAPH_VERSION;
  return {
    baseUrl: (str('baseUrl') ?? DEFAULT_GRAPH_BASE).replace(/\/+$/, ''),
    graphVersion: /^v\d+\.\d+$/.test(version) ? version : DEFAULT_GRAPH_VERSION,
    pageId: str('pageId') ?? '',
    igUserId: str('igUserId'),
    igUsername: str('igUsername'),
    timeoutMs: int('timeoutMs', 30_000, 50, 120_000),
    pageSize: int('pageSize', 25, 1, 100),
    postWindow: int('postWindow', 25, 1, 500),
    commentsPerPost: int('commentsPerPost', 50, 1, 100),
    backfillDays: int('backfillDays', 7, 0, 365),
  };
}

/** Ids the brand writes as: messages or comments from them are the brand's own ('out'). */
export function ownIds(cfg: MetaConfig): Set<string> {
  const ids = new Set<string>();
  if (cfg.pageId) ids.add(cfg.pageId);
  if (cfg.igUserId) ids.add(cfg.igUserId);
  return ids;
}

export function requirePageId(cfg: MetaConfig): string {
  if (!cfg.pageId) throw new ChannelError('refused', 'This account has no Facebook Page id. Reconnect it so the Page can be looked up again.');
  return cfg.pageId;
}
