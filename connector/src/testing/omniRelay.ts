// Test and fixture helper: the console's Omni relay played against the local org. It applies every omniAction the
// connector sends through the local org's Omni controls (/__localorg/omni/...), as the Aura relay does through
// lightning:omniToolkitAPI in a real console, and reports what Omni did back over the protocol.
import type { Frame, Panel } from './panel';

export class OmniRelayStandIn {
  /** Every action received, in order. */
  readonly actions: Record<string, unknown>[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly panel: Panel,
    private readonly localOrgUrl: string,
    private readonly userId: string
  ) {
    panel.onFrame((frame) => {
      if (frame.type !== 'omniAction') return;
      const action = frame.action as Record<string, unknown>;
      this.actions.push(action);
      // After the test's connector stopped, an action still arriving has nowhere to go: it is dropped.
      this.pending = this.pending.then(() => this.apply(action)).catch(() => undefined);
    });
  }

  /** The agent changes status in the Omni widget. */
  async chooseInOmni(statusApiName: string | null): Promise<void> {
    await this.post('/__localorg/omni/presence', { userId: this.userId, status: statusApiName });
    this.report({
      kind: 'status',
      statusApiName,
      online: statusApiName !== null && statusApiName.startsWith('Available'),
      changedAt: Date.now()
    });
  }

  /** The agent closes the work item's tab in Salesforce (C15). */
  async closeInSalesforce(workId: string): Promise<void> {
    const answer = await this.post(`/__localorg/omni/work/${workId}/close`, {});
    const work = (answer.body as { work?: { WorkItemId?: string } }).work;
    this.report({ kind: 'workClosed', workId, workItemId: String(work?.WorkItemId ?? '') });
  }

  /** Waits until every action received so far is applied and reported. */
  settled(): Promise<void> {
    return this.pending;
  }

  private async apply(action: Record<string, unknown>): Promise<void> {
    const id = String(action.id);
    let answer: { status: number; body: unknown };
    if (action.kind === 'setStatus' || action.kind === 'logout') {
      // As setServicePresenceStatus in the console: by the status's Id. Omni then reports its API name.
      const statusId = action.kind === 'logout' ? null : String(action.statusId);
      const statusApiName = action.kind === 'logout' ? null : String(action.statusApiName);
      answer = await this.post('/__localorg/omni/presence', { userId: this.userId, status: statusId });
      this.result(id, answer);
      if (answer.status === 200) {
        this.report({
          kind: 'status',
          statusApiName,
          online: statusApiName !== null && statusApiName.startsWith('Available'),
          changedAt: Date.now()
        });
      }
      return;
    }
    const workId = String(action.workId);
    const verb = action.kind === 'acceptWork' ? 'accept' : 'close';
    answer = await this.post(`/__localorg/omni/work/${workId}/${verb}`, {});
    this.result(id, answer);
    const work = (answer.body as { work?: { WorkItemId?: string } } | null)?.work;
    if (answer.status === 200 && work?.WorkItemId) {
      this.report({ kind: verb === 'accept' ? 'workAccepted' : 'workClosed', workId, workItemId: work.WorkItemId });
    }
  }

  private result(actionId: string, answer: { status: number; body: unknown }): void {
    const ok = answer.status === 200;
    const error = Array.isArray(answer.body) ? (answer.body[0] as { errorCode?: string; message?: string }) : null;
    this.report({
      kind: 'actionResult',
      actionId,
      ok,
      ...(ok ? {} : { error: { code: error?.errorCode ?? 'OMNI_ERROR', message: error?.message ?? 'failed' } })
    });
  }

  private report(event: Record<string, unknown>): void {
    this.panel.send({ type: 'omni', event });
  }

  private async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.localOrgUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }
}

export type { Frame };
