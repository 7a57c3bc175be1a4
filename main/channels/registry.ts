/** Which module serves which channel. */
import type { Channel } from '../../preload/contract';
import { BLUESKY_SETUP, createBlueskyAdapter, verifyBluesky } from './bluesky/index';
import { createDemoAdapter } from './demo/index';
import { createFacebookAdapter, FACEBOOK_SETUP, verifyFacebook } from './facebook/index';
import { createInstagramAdapter, INSTAGRAM_SETUP, verifyInstagram } from './instagram/index';
import { createMastodonAdapter, MASTODON_SETUP, verifyMastodon } from './mastodon/index';
import { createTelegramAdapter, removeTelegramWebhook, TELEGRAM_SETUP, verifyTelegram } from './telegram/index';
import type { ChannelModule } from './types';
import { createXAdapter, verifyX, X_SETUP } from './x/index';

export const CHANNEL_MODULES: Partial<Record<Channel, ChannelModule>> = {
  bluesky: { create: createBlueskyAdapter, verify: verifyBluesky, setup: BLUESKY_SETUP },
  demo: { create: createDemoAdapter },
  facebook: { create: createFacebookAdapter, verify: verifyFacebook, setup: FACEBOOK_SETUP },
  instagram: { create: createInstagramAdapter, verify: verifyInstagram, setup: INSTAGRAM_SETUP },
  mastodon: { create: createMastodonAdapter, verify: verifyMastodon, setup: MASTODON_SETUP },
  telegram: { create: createTelegramAdapter, verify: verifyTelegram, setup: TELEGRAM_SETUP, removeWebhook: removeTelegramWebhook },
  x: { create: createXAdapter, verify: verifyX, setup: X_SETUP },
};
