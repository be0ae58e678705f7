import * as store from '../../store';
import { drain, screenPopOp, startRig, taskOp, workItemOp, type Rig } from './support';

jest.setTimeout(60_000);
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.close());

it('smoke', async () => {
  const emma = rig.agents.emma!;
  await rig.org.omni.setPresence(emma, 'Available');
  await rig.enqueue(workItemOp('c1', emma, 'Opened'));
  await rig.enqueue(screenPopOp('c1', '+442079460123'));
  await rig.enqueue(workItemOp('c1', emma, 'Closed'));
  await rig.enqueue(taskOp('c1', emma));
  rig.org.resetStats();
  const report = await rig.flusher.flushOnce();
  console.log(report, rig.org.stats());
  console.log(JSON.stringify(await store.outbox.listParked(rig.db), null, 1));
  console.log(JSON.stringify(rig.pops, null, 1));
  console.log(await rig.org.query('SELECT Id, Status, UserId, WorkItemId FROM AgentWork'));
  console.log(
    await rig.org.query(
      'SELECT Id, Subject, TaskSubtype, CallDisposition, Interaction_Key__c, Tags__c, Description, CallType, OwnerId FROM Task WHERE Interaction_Key__c != null'
    )
  );
  console.log(await rig.org.query('SELECT Id, Status__c, Interaction_Key__c FROM Interaction__c'));
  await rig.enqueue(taskOp('c1', emma, { round: 2 }));
  console.log(await drain(rig));
  console.log(await rig.org.query('SELECT Id, Interaction_Key__c FROM Task WHERE Interaction_Key__c != null'));
});
