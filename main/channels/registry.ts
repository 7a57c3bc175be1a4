/** Which adapter serves which channel. Real channels join here as they are built. */
import type { Channel } from '../../preload/contract';
import { createDemoAdapter } from './demo/index';
import type { AdapterFactory } from './types';

export const ADAPTERS: Partial<Record<Channel, AdapterFactory>> = {
  demo: createDemoAdapter,
};
