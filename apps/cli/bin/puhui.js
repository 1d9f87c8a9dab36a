#!/usr/bin/env node
// Entry point of the `puhui` command. The sources are TypeScript run through tsx's loader, so the
// command works straight from a clone without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
