// The simulated contact centre: six digital queues, the agents spread over them, one SMS sender (outbound SMS is
// how the benchmark makes a Salesforce write on demand).
export const QUEUES = [
  { id: 'Email_Support', channel: 'email', from: (i: number) => `customer${i}@example.org` },
  { id: 'SMS', channel: 'sms', from: (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}` },
  { id: 'WhatsApp', channel: 'whatsapp', from: (i: number) => `+4477009${String(i).padStart(5, '0')}` },
  { id: 'Messenger', channel: 'messenger', from: (i: number) => `psid-${i}` },
  { id: 'Instagram', channel: 'instagram', from: (i: number) => `igsid-${i}` },
  { id: 'X_Direct_Messages', channel: 'x', from: (i: number) => `x-${i}` }
] as const;

export const SMS_SENDER = { id: 'sms-support', channel: 'sms', address: '+14155550100', label: 'Support SMS' } as const;

export function scenarioFor(agentIds: string[]): object {
  return {
    version: 1,
    name: 'bench',
    queues: QUEUES.map((q) => ({ id: q.id, name: q.id, channels: [q.channel], skills: [] })),
    agents: agentIds.map((agentId, i) => ({ agentId, name: agentId, queueIds: [QUEUES[i % QUEUES.length]!.id] })),
    senders: [{ ...SMS_SENDER, queueId: 'SMS' }],
    customers: []
  };
}
