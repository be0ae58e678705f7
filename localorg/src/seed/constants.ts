// Names the connector, tests and scripts rely on: the org id, the connector's connected app and its users.
import { makeId } from '../ids/salesforceId';

export const ORG_ID = makeId('00D', 1);
export const ORG_NAME = 'Open Softphone Demo';

export const CONNECTOR_CLIENT_ID = '3MVG9LocalOrg.Softphone.Connector';
export const CONNECTOR_CLIENT_SECRET = 'localorg-connector-secret';
export const CONNECTOR_REDIRECT_URIS = [
  'http://localhost:3000/oauth/callback',
  'http://127.0.0.1:3000/oauth/callback',
  'http://localhost:8080/oauth/callback'
];

/** Domain of every seeded username, e.g. emma.clarke@softphone.localorg. */
export const USER_DOMAIN = 'softphone.localorg';
/** The connector's integration user: client_credentials runs as this user; it also owns the seed data. */
export const INTEGRATION_USERNAME = `integration@${USER_DOMAIN}`;
/** The first seeded record of all: the integration user (005...1). */
export const INTEGRATION_USER_ID = makeId('005', 1);
