export type { CliCommand, CliContext } from './command.ts';
export { CliError } from './command.ts';
export { main } from './main.ts';
