// How the connector reaches one Salesforce org as its integration user. The lead maps environment variables onto
// this object; it is checked with zod once, and the parsed value is what the client uses.
import { z } from 'zod';
import { parseWith, type Parsed } from '../interactions/kernel/parse';

/** jsforce 3 wants the version as a string, and 62.0 is the oldest it supports. */
export const apiVersionSchema = z
  .string()
  .regex(/^\d{2}\.0$/, 'must look like 63.0')
  .refine((v) => Number(v) >= 62, 'must be 62.0 or later');

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

/**
 * Client credentials run as the connected app's "Run As" user (no person signs in); a refresh token comes from one
 * web-server sign-in by an admin and keeps working until revoked.
 */
export const salesforceAuthSchema = z.discriminatedUnion('grant', [
  z.object({ grant: z.literal('client_credentials') }).strict(),
  z.object({ grant: z.literal('refresh_token'), refreshToken: z.string().min(1) }).strict()
]);

export const salesforceOptionsSchema = z
  .object({
    /** Base of /services/oauth2/token: the org's My Domain (client credentials need it) or login.salesforce.com. */
    loginUrl: httpUrl,
    /** Where REST calls go; taken from the token answer's instance_url when absent. */
    instanceUrl: httpUrl.optional(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    auth: salesforceAuthSchema,
    apiVersion: apiVersionSchema.default('63.0'),
    /** A call that takes longer counts as timed out (its outcome is unknown, so the write is retried). */
    requestTimeoutMs: z.int().min(100).max(600_000).default(30_000),
    /** Omni service channels by DeveloperName, per kind of work item (the Interaction__c is their RelatedEntity). */
    serviceChannels: z
      .object({
        voice: z.string().min(1).default('Softphone_Voice'),
        chat: z.string().min(1).default('Softphone_Chat'),
        digital: z.string().min(1).default('Softphone_Digital')
      })
      .default({ voice: 'Softphone_Voice', chat: 'Softphone_Chat', digital: 'Softphone_Digital' })
  })
  .strict();

export type SalesforceOptions = z.infer<typeof salesforceOptionsSchema>;
export type SalesforceOptionsInput = z.input<typeof salesforceOptionsSchema>;
export type SalesforceAuth = z.infer<typeof salesforceAuthSchema>;

export function parseSalesforceOptions(input: unknown): Parsed<SalesforceOptions> {
  return parseWith(salesforceOptionsSchema, input);
}
