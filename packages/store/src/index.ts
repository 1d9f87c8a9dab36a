export * from './audit.ts';
export * from './borrowers.ts';
export { resolveStoreConfig } from './config.ts';
export * from './idempotency.ts';
export * from './lending/index.ts';
export { migrationList } from './migrations/index.ts';
export * from './otp.ts';
export * from './outbox.ts';
export * from './partners.ts';
export * from './payments.ts';
export { resetDatabase } from './reset.ts';
export * from './risk.ts';
export type * from './schema.ts';
export * from './sessions.ts';
export * from './siting.ts';
export {
  type Capabilities,
  type Executor,
  openStore,
  type Store,
  type StoreConfig,
  type Tx,
} from './store.ts';
export * from './users.ts';
