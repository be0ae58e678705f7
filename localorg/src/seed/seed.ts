// Loads the demo org once per data folder (a localorg_meta marker); the same run always yields the same ids.
import { createRecord } from '../records/dml';
import type { DataContext } from '../records/context';
import { systemInsert } from '../records/system';
import type { RecordValues } from '../schema/types';
import type { Sql } from '../store/db';
import { INTEGRATION_USER_ID } from './constants';
import { ACCOUNTS, CASES, CONTACTS, HISTORY, LEADS } from './customers';
import { QUICK_TEXTS } from './content';
import { readCustomMetadataRecords } from './customMetadataFiles';
import { CHANNELS, QUEUES, STATUSES } from './omniSetup';
import { AGENTS, INTEGRATION_USER } from './people';

const SEED_VERSION = '2';

async function create(ctx: DataContext, objectName: string, body: Record<string, unknown>): Promise<string> {
  const obj = ctx.schema.object(objectName);
  if (!obj) throw new Error(`seed: no object ${objectName}`);
  const result = await createRecord(ctx, obj, body);
  if (!result.ok) throw new Error(`seed: ${objectName} refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

async function insert(ctx: DataContext, objectName: string, values: RecordValues): Promise<string> {
  const obj = ctx.schema.object(objectName);
  if (!obj) throw new Error(`seed: no object ${objectName}`);
  return String((await systemInsert(ctx, obj, values)).Id);
}

export async function isSeeded(sql: Sql): Promise<boolean> {
  return (await seededVersion(sql)) !== null;
}

async function seededVersion(sql: Sql): Promise<string | null> {
  const rows = await sql.query<{ value: string }>(`SELECT value FROM localorg_meta WHERE key = 'seed_version'`);
  return rows[0]?.value ?? null;
}

export async function seedOrg(ctx: DataContext): Promise<void> {
  const seeded = await seededVersion(ctx.sql);
  if (seeded === SEED_VERSION) return;
  if (seeded !== null) {
    // Seeding again over older data would mix two versions of the demo org; the data is the demo's, so start afresh.
    throw new Error(
      `The local org's data folder was seeded by an older version of the project (seed ${seeded}, now ` +
        `${SEED_VERSION}): delete it (LOCALORG_DATA_DIR, by default .data/localorg) and start again.`
    );
  }
  // Read and check force-app's custom metadata first: a malformed file stops the seed before anything is written.
  const metadata = readCustomMetadataRecords(ctx.schema);
  const integrationId = await create(ctx, 'User', { ...INTEGRATION_USER });
  if (integrationId !== INTEGRATION_USER_ID) throw new Error('seed: the integration user must be the first user');
  const users = new Map<string, string>();
  for (const agent of AGENTS) users.set(agent.Username.split('@')[0] ?? '', await create(ctx, 'User', { ...agent }));

  for (const queue of QUEUES) {
    const groupId = await create(ctx, 'Group', { Name: queue.Name, DeveloperName: queue.DeveloperName, Type: 'Queue' });
    for (const member of queue.members) {
      await create(ctx, 'GroupMember', { GroupId: groupId, UserOrGroupId: users.get(member) });
    }
  }
  const channelIds = new Map<string, string>();
  for (const channel of CHANNELS)
    channelIds.set(channel.DeveloperName, await insert(ctx, 'ServiceChannel', { ...channel, Language: 'en_US' }));
  for (const status of STATUSES) {
    const statusId = await insert(ctx, 'ServicePresenceStatus', {
      DeveloperName: status.DeveloperName,
      MasterLabel: status.MasterLabel,
      Language: 'en_US'
    });
    for (const channel of status.channels) {
      await ctx.sql.query(`INSERT INTO localorg_status_channels (status_id, channel_id) VALUES ($1, $2)`, [
        statusId,
        channelIds.get(channel) ?? ''
      ]);
    }
  }

  const accountIds: string[] = [];
  for (const account of ACCOUNTS) accountIds.push(await create(ctx, 'Account', account));
  const contactIds: string[] = [];
  for (const { account, ...fields } of CONTACTS) {
    contactIds.push(
      await create(ctx, 'Contact', { ...fields, AccountId: account === null ? null : accountIds[account] })
    );
  }
  for (const lead of LEADS) await create(ctx, 'Lead', lead);
  for (const { contact, ...fields } of CASES) {
    await create(ctx, 'Case', { ...fields, ContactId: contactIds[contact] });
  }
  for (const { contact, ...fields } of HISTORY) {
    await create(ctx, 'Task', {
      ...fields,
      Status: 'Completed',
      WhoId: contactIds[contact],
      OwnerId: users.get('emma.clarke')
    });
  }
  for (const text of QUICK_TEXTS) await create(ctx, 'QuickText', text);
  for (const { obj, developerName, values } of metadata) {
    await insert(ctx, obj.name, { ...values, DeveloperName: developerName, NamespacePrefix: null, Language: 'en_US' });
  }
  await ctx.sql.query(`INSERT INTO localorg_meta (key, value) VALUES ('seed_version', $1)`, [SEED_VERSION]);
}
