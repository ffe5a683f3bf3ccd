import { CreateEventStore1764100000000 } from './1764100000000-create-event-store';
import { CreateApplications1764100000001 } from './1764100000001-create-applications';
import { CreateServers1764100000002 } from './1764100000002-create-servers';
import { CreateIdempotencyKeys1764100000010 } from './1764100000010-create-idempotency-keys';
import { CreateInbox1764100000030 } from './1764100000030-create-inbox';
import { RenameDomainEventsToOutbox1764100000040 } from './1764100000040-rename-domain-events-to-outbox';
import { CreateServerTags1764100000050 } from './1764100000050-create-server-tags';
import { ServerListAccessPaths1764100000060 } from './1764100000060-server-list-access-paths';
import { AddOutboxTraceparent1764100000070 } from './1764100000070-add-outbox-traceparent';
import { CreateOutboxLease1764100000080 } from './1764100000080-create-outbox-lease';
import { AddFeedPosition1764100000090 } from './1764100000090-add-feed-position';
import { CreateWebhooks1764100000091 } from './1764100000091-create-webhooks';
import { ServerListCoveringCounts1764100000100 } from './1764100000100-server-list-covering-counts';

/** Every migration, in order. Listed explicitly so the same list works from TS and compiled JS. */
export const migrations = [
  CreateEventStore1764100000000,
  CreateApplications1764100000001,
  CreateServers1764100000002,
  CreateIdempotencyKeys1764100000010,
  CreateInbox1764100000030,
  RenameDomainEventsToOutbox1764100000040,
  CreateServerTags1764100000050,
  ServerListAccessPaths1764100000060,
  AddOutboxTraceparent1764100000070,
  CreateOutboxLease1764100000080,
  AddFeedPosition1764100000090,
  CreateWebhooks1764100000091,
  ServerListCoveringCounts1764100000100,
];
