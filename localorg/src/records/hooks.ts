// Per-object behaviour the platform adds around a write (Omni-Channel's AgentWork rules live behind these).
import type { RecordValues } from '../schema/types';
import type { DataContext } from './context';
import type { SfError } from './errors';

export interface ObjectHooks {
  /** May fill platform-set fields on the new record, or refuse it. */
  beforeInsert?(ctx: DataContext, record: RecordValues): Promise<SfError[]>;
  afterInsert?(ctx: DataContext, record: RecordValues): Promise<void>;
  beforeUpdate?(ctx: DataContext, before: RecordValues, after: RecordValues): Promise<SfError[]>;
  beforeDelete?(ctx: DataContext, record: RecordValues): Promise<SfError[]>;
}

export class HookRegistry {
  private readonly hooks = new Map<string, ObjectHooks>();

  register(objectName: string, hooks: ObjectHooks): void {
    this.hooks.set(objectName, hooks);
  }

  for(objectName: string): ObjectHooks {
    return this.hooks.get(objectName) ?? {};
  }
}
