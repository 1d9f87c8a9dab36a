import { migrationList, openStore } from '@puhui/store';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing.ts';

describe('puhui (platform commands)', () => {
  it('lists commands with --help and refuses unknown ones with exit 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['serve', 'migrate', 'demo', 'users create', 'audit verify'])
      expect(help.stdout).toContain(name);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("puhui: unknown command 'frobnicate' (see 'puhui --help')");
  });

  it('prints --help for every command', async () => {
    for (const name of [['serve'], ['migrate'], ['demo'], ['users', 'create'], ['audit', 'verify']]) {
      const res = await runCli([...name, '--help']);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^Usage: puhui /);
    }
  });

  it('migrates the database under PUHUI_DATA_DIR and reports status as JSON', async () => {
    const env = { PUHUI_DATA_DIR: tempDir() };
    const first = await runCli(['migrate', '--json'], { env });
    expect(first.code).toBe(0);
    const all = migrationList.map(([name]) => name);
    expect(JSON.parse(first.stdout)).toMatchObject({ applied: all });
    const second = await runCli(['migrate', '--status', '--json'], { env });
    expect(JSON.parse(second.stdout)).toMatchObject({ pending: [], applied: all });
  });

  it('seeds demo data once, creates users, and verifies the audit chain', async () => {
    const env = { PUHUI_DATA_DIR: tempDir() };
    expect(JSON.parse((await runCli(['demo', '--loans', '0', '--json'], { env })).stdout)).toMatchObject({
      seeded: true,
      users: 6,
    });
    expect(JSON.parse((await runCli(['demo', '--loans', '0', '--json'], { env })).stdout)).toMatchObject({
      seeded: false,
    });
    const created = await runCli(
      ['users', 'create', '--username', 'li.na', '--role', 'loan_officer,auditor', '--json'],
      {
        env: { ...env, PUHUI_NEW_PASSWORD: 'Officer-pass-42' },
      },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).roles).toEqual(['loan_officer', 'auditor']);
    const dup = await runCli(
      ['users', 'create', '--username', 'li.na', '--role', 'auditor', '--password', 'Officer-pass-42'],
      { env },
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toBe('puhui: A user with this user name already exists (user_exists)\n');
    const badRole = await runCli(
      ['users', 'create', '--username', 'x.y', '--role', 'king', '--password', 'Officer-pass-42'],
      { env },
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('unknown_role');
    const missing = await runCli(['users', 'create', '--role', 'auditor'], { env });
    expect(missing).toMatchObject({ code: 2, stderr: 'puhui: --username is required\n' });
    const verify = await runCli(['audit', 'verify', '--json'], { env });
    expect(verify.code).toBe(0);
    const store = openStore({ dataDir: env.PUHUI_DATA_DIR });
    const rows = await store.db.selectFrom('audit_log').select('seq').execute();
    await store.close();
    // Every seeded and created record is in the chain: 6 users, a partner, 3 borrowers, one more user, …
    expect(rows.length).toBeGreaterThanOrEqual(11);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, records: rows.length });
  });

  it('reports the first broken link after a row is tampered with, exiting 1', async () => {
    const dir = tempDir();
    const env = { PUHUI_DATA_DIR: dir };
    await runCli(['demo', '--loans', '0'], { env });
    const store = openStore({ dataDir: dir });
    const victim = await store.db
      .selectFrom('audit_log')
      .select(['seq', 'id'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await store.db.updateTable('audit_log').set({ action: 'user.delete' }).where('seq', '=', 3).execute();
    await store.close();
    const res = await runCli(['audit', 'verify'], { env });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(`BROKEN at record #3 (${victim.id}): hash_mismatch`);
  });

  it('rejects unknown flags with a one-line reason and exit 2', async () => {
    const res = await runCli(['migrate', '--bogus']);
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
