/** One customer across networks: profile, note, VIP, links between records of the same person. */
import {
  customerTimeline,
  getCustomer,
  getIdentity,
  identitiesOf,
  linkSuggestions,
  mergeCustomers,
  splitIdentity,
  threadIdsOfCustomer,
  updateCustomer,
} from '../../db/customers';
import { threadsByIds } from '../../db/threads';
import type { CustomerProfile, Handlers, Network, ThreadKind } from '../../preload/contract';
import type { CoreContext } from '../core';
import { Failure } from './failure';
import { threadViews } from './views';

type CustomerHandlers = Pick<Handlers, 'customers.get' | 'customers.update' | 'customers.link' | 'customers.unlink'>;

export function createCustomerHandlers(ctx: CoreContext): CustomerHandlers {
  const { db, bus, clock } = ctx;
  const profile = (customerId: number): CustomerProfile => {
    const c = getCustomer(db, customerId);
    if (!c) throw new Failure('not_found', `Customer ${customerId} does not exist (it may have been linked into another).`);
    return {
      id: c.id,
      displayName: c.displayName,
      note: c.note,
      vip: c.vip,
      identities: identitiesOf(db, customerId).map((i) => ({ id: i.id, network: i.network as Network, handle: i.handle, displayName: i.displayName, followerCount: i.followerCount })),
      threads: threadViews(db, threadsByIds(db, threadIdsOfCustomer(db, customerId, 200)), clock.now()),
      timeline: customerTimeline(db, customerId, 300).map((m) => ({ ...m, network: m.network as Network, kind: m.kind as ThreadKind })),
      suggestions: linkSuggestions(db, customerId).map((s) => ({
        customerId: s.customerId,
        displayName: s.displayName,
        handle: s.handle,
        network: s.network as Network,
        reason: s.reason,
      })),
    };
  };
  const touched = (customerId: number) => bus.emit('threads.changed', { threadIds: threadIdsOfCustomer(db, customerId, 500), reason: 'workflow' });

  return {
    'customers.get': ({ customerId }) => profile(customerId),
    'customers.update': ({ customerId, note, vip }) => {
      profile(customerId);
      updateCustomer(db, customerId, { ...(note !== undefined ? { note } : {}), ...(vip !== undefined ? { vip } : {}) });
      return profile(customerId);
    },
    'customers.link': ({ customerId, otherCustomerId }) => {
      if (customerId === otherCustomerId) throw new Failure('bad_request', 'A customer cannot be linked to itself.');
      profile(customerId);
      profile(otherCustomerId);
      mergeCustomers(db, customerId, otherCustomerId);
      touched(customerId);
      return profile(customerId);
    },
    'customers.unlink': ({ identityId }) => {
      const identity = getIdentity(db, identityId);
      if (!identity) throw new Failure('not_found', `Identity ${identityId} does not exist.`);
      if (identitiesOf(db, identity.customerId).length < 2) throw new Failure('conflict', 'This is the customer’s only identity; there is nothing to unlink.');
      const id = splitIdentity(db, identityId, clock.now())!;
      touched(identity.customerId);
      touched(id);
      return profile(identity.customerId);
    },
  };
}
