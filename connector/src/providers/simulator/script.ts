// Scripted customers from the scenario file, each started at its `at` on the injected clock (and again every
// `repeatEveryMs` when set).
import type { SimCore } from './core';
import { addressFor, type ScriptedCustomer } from './scenario';
import { startChat } from './chatCustomer';
import { newConversation, writeAgain } from './digital';
import { placeCall } from './voiceCustomer';

export function scheduleScript(core: SimCore): void {
  const customers = core.scenario.customers;
  for (const customer of customers) core.later(null, customer.at, () => startScripted(core, customer));
  const repeat = core.settings.repeatEveryMs;
  if (repeat !== null && customers.length > 0) {
    core.later(null, repeat, async () => scheduleScript(core));
  }
}

async function startScripted(core: SimCore, customer: ScriptedCustomer): Promise<void> {
  switch (customer.kind) {
    case 'call':
      placeCall(
        core,
        { from: customer.from, queueId: customer.queueId, kind: customer.callKind, name: customer.name },
        {
          patienceMs: customer.patienceMs ?? null,
          hangUpAfterMs: customer.hangUpAfterMs ?? null,
          answers: customer.answers,
          digits: [...customer.digits],
          says: [...customer.says]
        }
      );
      return;
    case 'chat':
      startChat(
        core,
        {
          customerId: customer.customerId,
          queueId: customer.queueId,
          name: customer.name,
          email: customer.email,
          botTranscript: customer.botTranscript
        },
        {
          replies: [...customer.replies],
          leavesWhenDone: customer.leavesWhenDone,
          patienceMs: customer.patienceMs ?? null
        }
      );
      return;
    case 'message': {
      const created = await newConversation(
        core,
        {
          channel: customer.channel,
          from: addressFor(customer.channel, customer.from),
          queueId: customer.queueId,
          text: customer.text,
          name: customer.name,
          subject: customer.subject
        },
        { replies: [...customer.replies] }
      );
      if (!created.ok) return;
      const contact = created.value;
      for (const step of customer.followUps) {
        core.later(contact, step.afterMs, async () => {
          await writeAgain(core, contact, step.text);
        });
      }
    }
  }
}
