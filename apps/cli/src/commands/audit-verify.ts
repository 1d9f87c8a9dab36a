import { verifyAuditChain } from '@puhui/services';
import type { CliCommand } from '../command.ts';
import { parseOptions } from '../io.ts';
import { output, withContext } from '../runtime.ts';

export const auditVerify: CliCommand = {
  name: 'audit verify',
  summary: 'Verify the audit log hash chain; report the first broken link',
  usage: `Usage: puhui audit verify [--json]

Re-computes every audit record's hash in order. Exits 0 when the chain is intact, 1 with the
first broken link (sequence number, record id, reason) otherwise.`,
  async run(ctx) {
    const { values } = parseOptions(ctx, { json: { type: 'boolean' } });
    return withContext(ctx, async (svc) => {
      const result = await verifyAuditChain(svc);
      const text = result.ok
        ? `audit chain intact: ${result.records} records, head ${result.head.slice(0, 16)}…`
        : `audit chain BROKEN at record #${result.firstBreak?.seq} (${result.firstBreak?.id}): ${result.firstBreak?.reason}; ${result.records} records verified before it`;
      output(ctx, values.json, result, text);
      return result.ok ? 0 : 1;
    });
  },
};
