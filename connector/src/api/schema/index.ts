// The panels' contract in one place. docs/protocol.md describes it; scripts/protocol.ts generates the JSON Schema and
// the panels' TypeScript types from it.
export * from './frames';
export * from './documents';
export * from './directories';
export * from './interactions';
export * from './omni';
export * from './notices';
export * from './common';
