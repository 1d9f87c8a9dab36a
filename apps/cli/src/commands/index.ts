import type { CliCommand } from '../command.ts';
import { apr } from './apr.ts';
import { auditVerify } from './audit-verify.ts';
import { demo } from './demo.ts';
import { eod } from './eod.ts';
import { migrate } from './migrate.ts';
import { report } from './report.ts';
import { riskReport } from './risk-report.ts';
import { riskScore } from './risk-score.ts';
import { riskTrain } from './risk-train.ts';
import { schedule } from './schedule.ts';
import { serve } from './serve.ts';
import { site } from './site.ts';
import { usersCreate } from './users-create.ts';

/** Every `puhui` sub-command, in the order `puhui --help` lists them. One file per command. */
export const commands: readonly CliCommand[] = [
  serve,
  migrate,
  demo,
  eod,
  report,
  usersCreate,
  auditVerify,
  schedule,
  apr,
  riskTrain,
  riskScore,
  riskReport,
  site,
];
