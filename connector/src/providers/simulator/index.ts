// The simulator provider's public surface.
export { Simulator, type SimulatorOptions, type QueueSummary } from './simulator';
export { createCustomerApi, type CustomerApiOptions } from './customerApi';
export {
  parseScenario,
  loadScenarioFile,
  defaultScenario,
  scenarioSchema,
  type Scenario,
  type ScenarioError,
  type ScenarioResult,
  type ScenarioQueue,
  type ScenarioSettings
} from './scenario';
export { systemClock, type SimClock, type TimerHandle } from './clock';
export { defaultIdSource, type IdSource } from './ids';
export type { SimLog } from './core';
export type { CustomerView, CustomerSideEntry, CustomerSideState, EndedReason } from './contact';
export type { SimError, SimResult } from './results';
