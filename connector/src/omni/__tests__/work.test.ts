// S2–S4, C15: the Omni work machine, alone.
import { newOmniWork, omniWorkStep, type OmniWork, type OmniWorkEvent } from '../work';

const run = (events: OmniWorkEvent[], start: OmniWork = newOmniWork('c1', 'a1')) => {
  let state = start;
  const actions: string[] = [];
  let closedInSalesforce = false;
  for (const event of events) {
    const step = omniWorkStep(state, event);
    state = step.state;
    if (step.action) actions.push(`${step.action.kind}:${step.action.id}`);
    closedInSalesforce ||= step.closedInSalesforce;
  }
  return { state, actions, closedInSalesforce };
};

const routed: OmniWorkEvent = { type: 'routed', workId: '0Bz000000000001', workItemId: 'a01000000000001' };

describe('the Omni work machine', () => {
  it('S2 S3 accepts routed work, then closes it when the interaction ends, one action at a time', () => {
    const accepted = run([{ type: 'softphone', status: 'Opened' }, routed]);
    expect(accepted.actions).toEqual(['acceptWork:0Bz000000000001.1']);
    // Nothing more while the accept is unanswered, even when the interaction ends meanwhile.
    const ended = run([{ type: 'softphone', status: 'Closed' }], accepted.state);
    expect(ended.actions).toEqual([]);
    const done = run([{ type: 'result', actionId: '0Bz000000000001.1', ok: true }], ended.state);
    expect(done.actions).toEqual(['closeWork:0Bz000000000001.2']);
    const closed = run([{ type: 'result', actionId: '0Bz000000000001.2', ok: true }], done.state);
    expect(closed.state).toMatchObject({ omni: 'closed', inFlight: null });
  });

  it('S4 a transferred interaction owes Omni nothing: Omni marks it Transferred when the receiver accepts', () => {
    const opened = run([{ type: 'softphone', status: 'Opened' }, routed, { type: 'omni', kind: 'workAccepted' }]);
    const transferred = run([{ type: 'softphone', status: 'Transferred' }], { ...opened.state, inFlight: null });
    expect(transferred.actions).toEqual([]);
  });

  it('C15 work closed in Salesforce while the agent handles it ends the interaction; the echo of our own close does not', () => {
    const opened = run([routed, { type: 'result', actionId: '0Bz000000000001.1', ok: true }]);
    expect(run([{ type: 'omni', kind: 'workClosed' }], opened.state).closedInSalesforce).toBe(true);
    const closing = run([{ type: 'softphone', status: 'Closed' }], opened.state);
    expect(run([{ type: 'omni', kind: 'workClosed' }], closing.state).closedInSalesforce).toBe(false);
  });

  it('a refused action waits for the next event; a reconnected relay gets it again', () => {
    const sent = run([routed]);
    const refused = run([{ type: 'result', actionId: '0Bz000000000001.1', ok: false }], sent.state);
    expect(refused.actions).toEqual([]);
    expect(run([{ type: 'relayConnected' }], refused.state).actions).toEqual(['acceptWork:0Bz000000000001.2']);
    // A stale answer changes nothing.
    expect(run([{ type: 'result', actionId: 'other', ok: true }], sent.state).state).toEqual(sent.state);
  });
});
