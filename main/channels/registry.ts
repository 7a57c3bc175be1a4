/** Which module serves which channel. */
import type { Channel } from '../../preload/contract';
import { createDemoAdapter } from './demo/index';
import type { ChannelModule } from './types';

export const CHANNEL_MODULES: Partial<Record<Channel, ChannelModule>> = {
  demo: { create: createDemoAdapter },
};
