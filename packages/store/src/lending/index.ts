export * from './bulk.ts';
export * from './eod.ts';
export * from './journal.ts';
export * from './loans.ts';
export * from './products.ts';
export * from './reports.ts';
export type * from './schema.ts';
