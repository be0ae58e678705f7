// The Omni-Channel side of presence and work (A2, S1–S4, C15). Omni presence and work control exist only in the
// console, as the Aura lightning:omniToolkitAPI; the panel's relay reports what Omni does and applies what the
// connector asks. The relay holds no logic: it maps toolkit events to omni frames and omniAction frames to toolkit calls.
import { z } from 'zod';
import { errorBody, instant } from './common';

const recordId = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'a Salesforce record id');

/** What the relay saw in Omni-Channel (client frame `omni`). */
export const omniEvent = z
  .discriminatedUnion('kind', [
    /**
     * The agent's Omni status (lightning:omniChannelStatusChanged, or the current status when the relay connects);
     * statusApiName null: logged out of Omni (lightning:omniChannelLogout). online: the status is online for some
     * service channel.
     */
    z
      .object({
        kind: z.literal('status'),
        statusApiName: z.string().min(1).max(80).nullable(),
        online: z.boolean(),
        changedAt: instant
      })
      .strict(),
    /** Work pushed to, accepted by, declined by or closed by the agent in Omni (C15: closed in Salesforce). */
    z
      .object({
        kind: z.enum(['workAssigned', 'workAccepted', 'workDeclined', 'workClosed']),
        workId: recordId,
        workItemId: recordId
      })
      .strict(),
    /** How an omniAction ended. */
    z
      .object({
        kind: z.literal('actionResult'),
        actionId: z.string().min(1).max(64),
        ok: z.boolean(),
        error: errorBody.optional()
      })
      .strict()
  ])
  .meta({ id: 'OmniEvent' });
export type OmniEvent = z.infer<typeof omniEvent>;

/** What the relay must do in Omni-Channel (server frame `omniAction`); it answers with an actionResult. */
export const omniAction = z
  .discriminatedUnion('kind', [
    /**
     * setServicePresenceStatus (login first when logged out) with statusId, the ServicePresenceStatus Id the connector
     * read from the org for statusApiName.
     */
    z.object({ id: z.string(), kind: z.literal('setStatus'), statusId: recordId, statusApiName: z.string() }).strict(),
    z.object({ id: z.string(), kind: z.literal('logout') }).strict(),
    z.object({ id: z.string(), kind: z.literal('acceptWork'), workId: z.string() }).strict(),
    z.object({ id: z.string(), kind: z.literal('closeWork'), workId: z.string() }).strict()
  ])
  .meta({ id: 'OmniAction' });
export type OmniAction = z.infer<typeof omniAction>;
