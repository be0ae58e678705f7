// A2: Omni-Channel presence statuses by API name (DeveloperName) -> ServicePresenceStatus Id (0N5…). The connector
// names statuses by API name (settings, Omni's events), but the console's setServicePresenceStatus takes the Id, so
// the Ids are read from the org with one SOQL query, kept, and read again whenever the settings are (docs/omni.md).
import { z } from 'zod';
import type { Logger } from '../log';
import type { SalesforceApi } from '../salesforce';

export const PRESENCE_STATUS_QUERY = 'SELECT Id, DeveloperName FROM ServicePresenceStatus';

const statusRowSchema = z.object({
  Id: z.string().regex(/^0N5[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, 'a ServicePresenceStatus id (0N5…)'),
  DeveloperName: z.string().min(1).max(80)
});

export interface PresenceStatusIdsDeps {
  /** The org; null when the connector has none (then no status can be resolved, and none is set in Omni). */
  api: Pick<SalesforceApi, 'query'> | null;
  log: Logger;
}

export class PresenceStatusIds {
  /** Id by DeveloperName in lower case: API names are matched without regard to case, as Omni's events do. */
  private ids = new Map<string, string>();

  constructor(private readonly deps: PresenceStatusIdsDeps) {}

  /** The status's Id, or null when the org has no such status (or was not read yet). */
  idOf(statusApiName: string): string | null {
    return this.ids.get(statusApiName.toLowerCase()) ?? null;
  }

  /**
   * Reads the org's statuses. true when the map changed. An org that cannot be asked, or answers rows of another
   * shape, leaves the last map in force (logged with a code); this never throws.
   */
  async refresh(): Promise<boolean> {
    if (!this.deps.api) return false;
    const answer = await this.deps.api.query(PRESENCE_STATUS_QUERY);
    if (!answer.ok) {
      this.deps.log.warn(
        { code: answer.failure.code },
        'Omni presence statuses could not be read from the org; the last ones stay'
      );
      return false;
    }
    const rows = z.array(statusRowSchema).safeParse(answer.value);
    if (!rows.success) {
      this.deps.log.warn(
        { code: 'UNEXPECTED_ANSWER', issue: rows.error.issues[0]?.message },
        'Omni presence statuses of an unknown shape; the last ones stay'
      );
      return false;
    }
    const next = new Map(rows.data.map((r) => [r.DeveloperName.toLowerCase(), r.Id] as const));
    const changed = next.size !== this.ids.size || [...next].some(([name, id]) => this.ids.get(name) !== id);
    this.ids = next;
    return changed;
  }
}
