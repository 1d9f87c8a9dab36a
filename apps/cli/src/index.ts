export { main } from './main.ts';
export type { CliCommand, CliContext } from './command.ts';
export { CliError } from './command.ts';
