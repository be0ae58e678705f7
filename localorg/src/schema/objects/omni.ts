// Omni-Channel objects as documented for external routing: AgentWork, PendingServiceRouting and presence.
import { defineObject } from '../define';
import { f } from '../fields';

export const AGENT_WORK_STATUSES = [
  'Assigned',
  'Unavailable',
  'Declined',
  'DeclinedOnPushTimeout',
  'Opened',
  'Closed',
  'Canceled',
  'Transferred'
] as const;
export type AgentWorkStatus = (typeof AGENT_WORK_STATUSES)[number];

const WORK_ITEM_OBJECTS = ['Interaction__c', 'Case', 'Lead', 'Contact'];

export const serviceChannel = defineObject({
  name: 'ServiceChannel',
  label: 'Service Channel',
  labelPlural: 'Service Channels',
  keyPrefix: '0N9',
  createable: false,
  updateable: false,
  deletable: false,
  fields: [
    f.text('DeveloperName', 80, { readOnly: true, required: true }),
    f.text('MasterLabel', 80, { readOnly: true, required: true, nameField: true }),
    f.text('RelatedEntity', 80, { readOnly: true, required: true }),
    f.text('Language', 40, { readOnly: true })
  ]
});

export const servicePresenceStatus = defineObject({
  name: 'ServicePresenceStatus',
  label: 'Presence Status',
  labelPlural: 'Presence Statuses',
  keyPrefix: '0N5',
  createable: false,
  updateable: false,
  deletable: false,
  fields: [
    f.text('DeveloperName', 80, { readOnly: true, required: true }),
    f.text('MasterLabel', 80, { readOnly: true, required: true, nameField: true }),
    f.text('Language', 40, { readOnly: true })
  ]
});

/** Written only by Omni itself (here: the /__localorg/omni endpoints); the API can read and delete. */
export const userServicePresence = defineObject({
  name: 'UserServicePresence',
  label: 'User Presence',
  labelPlural: 'User Presences',
  keyPrefix: '0Hn',
  createable: false,
  updateable: false,
  fields: [
    f.text('Name', 255, { autoNumber: true, nameField: true, defaulted: true }),
    f.ref('UserId', ['User'], 'User', { readOnly: true, required: true }),
    f.ref('ServicePresenceStatusId', ['ServicePresenceStatus'], 'ServicePresenceStatus', { readOnly: true }),
    f.datetime('StatusStartDate', { readOnly: true }),
    f.datetime('StatusEndDate', { readOnly: true }),
    f.int('StatusDuration', { readOnly: true }),
    f.bool('IsCurrentState', { readOnly: true }),
    f.bool('IsAway', { readOnly: true }),
    f.int('ConfiguredCapacity', { readOnly: true }),
    f.ref('OwnerId', ['User'], 'Owner', { readOnly: true, required: true, defaulted: true })
  ]
});

export const pendingServiceRouting = defineObject({
  name: 'PendingServiceRouting',
  label: 'Pending Service Routing',
  labelPlural: 'Pending Service Routing',
  keyPrefix: '0JR',
  fields: [
    f.text('Name', 255, { autoNumber: true, nameField: true, defaulted: true }),
    f.ref('WorkItemId', WORK_ITEM_OBJECTS, 'WorkItem', { required: true, createOnly: true }),
    f.ref('ServiceChannelId', ['ServiceChannel'], 'ServiceChannel', { required: true, createOnly: true }),
    f.picklist('RoutingType', ['QueueBased', 'SkillsBased', 'ExternalRouting'], {
      required: true,
      restricted: true,
      createOnly: true
    }),
    f.picklist('RoutingModel', ['MostAvailable', 'LeastActive', 'ExternalRouting'], {
      required: true,
      restricted: true
    }),
    f.int('RoutingPriority'),
    f.double('CapacityWeight'),
    f.percent('CapacityPercentage'),
    f.bool('IsReadyForRouting'),
    f.bool('IsPushed', { readOnly: true }),
    f.bool('IsPushAttempted', { readOnly: true }),
    f.bool('IsTransfer', { createOnly: true }),
    f.text('LastDeclinedAgentSession', 255, { readOnly: true }),
    f.ref('PreferredUserId', ['User'], 'PreferredUser'),
    f.int('PushTimeout'),
    f.ref('QueueId', ['Group'], 'Queue', { createOnly: true }),
    f.datetime('CustomRequestedDateTime'),
    f.ref('OwnerId', ['User', 'Group'], 'Owner', { readOnly: true, required: true, defaulted: true })
  ]
});

export const agentWork = defineObject({
  name: 'AgentWork',
  label: 'Agent Work',
  labelPlural: 'Agent Work',
  keyPrefix: '0Bz',
  fields: [
    f.text('Name', 255, { autoNumber: true, nameField: true, defaulted: true }),
    f.ref('UserId', ['User'], 'User', { required: true, createOnly: true }),
    f.ref('WorkItemId', WORK_ITEM_OBJECTS, 'WorkItem', { required: true, createOnly: true }),
    f.ref('ServiceChannelId', ['ServiceChannel'], 'ServiceChannel', { required: true, createOnly: true }),
    f.ref('PendingServiceRoutingId', ['PendingServiceRouting'], 'PendingServiceRouting', { createOnly: true }),
    f.double('CapacityWeight', { createOnly: true }),
    f.percent('CapacityPercentage', { createOnly: true }),
    f.bool('IsPreferredUserRequired', { createOnly: true }),
    f.bool('ShouldSkipCapacityCheck', { createOnly: true }),
    f.picklist('Status', AGENT_WORK_STATUSES, { readOnly: true, restricted: true, defaulted: true }),
    f.datetime('RequestDateTime', { readOnly: true }),
    f.datetime('AssignedDateTime', { readOnly: true }),
    f.datetime('AcceptDateTime', { readOnly: true }),
    f.datetime('DeclineDateTime', { readOnly: true }),
    f.datetime('CloseDateTime', { readOnly: true }),
    f.datetime('CancelDateTime', { readOnly: true }),
    f.datetime('PushTimeoutDateTime', { readOnly: true }),
    f.int('ActiveTime', { readOnly: true }),
    f.int('HandleTime', { readOnly: true }),
    f.int('SpeedToAnswer', { readOnly: true }),
    f.double('AgentCapacityWhenDeclined', { readOnly: true }),
    f.text('DeclineReason', 255, { readOnly: true }),
    f.int('PushTimeout', { readOnly: true }),
    f.ref('OriginalQueueId', ['Group'], 'OriginalQueue', { readOnly: true }),
    f.picklist('RoutingType', ['QueueBased', 'SkillsBased', 'ExternalRouting'], { readOnly: true }),
    f.picklist('RoutingModel', ['MostAvailable', 'LeastActive', 'ExternalRouting'], { readOnly: true }),
    f.int('RoutingPriority', { readOnly: true }),
    f.ref('OwnerId', ['User'], 'Owner', { readOnly: true, required: true, defaulted: true })
  ]
});
