import { randomBytes } from 'node:crypto';
import { defaultProductConfig, SANDBOX_HEADERS, sandboxChannel, signSandboxCallback } from '@puhui/services';
import { findBorrowerByPhone } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, bearer, type Harness, idemKey, openHarness } from './harness.ts';

const SECRET = randomBytes(32).toString('hex');

describeEachDatabase('borrower payments through payment channels', (db) => {
  let h: Harness;
  let me: string;
  let other: string;
  let loanId: string;
  const post = (who: string, url: string, payload?: object, key = idemKey()) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...bearer(who), 'idempotency-key': key },
      ...(payload ? { payload } : {}),
    });
  const get = (who: string, url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(who) });
  /** Sends a sandbox callback for `channel`, signed with `secret` at `timestamp` (now by default). */
  const callback = (channel: string, body: object, options: { secret?: string; timestamp?: number } = {}) => {
    const raw = JSON.stringify(body);
    const ts = String(options.timestamp ?? Math.floor(h.clock.now().getTime() / 1000));
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/payment-channels/${channel}/callbacks`,
      headers: {
        'content-type': 'application/json',
        [SANDBOX_HEADERS.timestamp]: ts,
        [SANDBOX_HEADERS.signature]: signSandboxCallback(options.secret ?? SECRET, ts, raw),
      },
      payload: raw,
    });
  };
  const repayments = async () =>
    (await get(h.tokens.auditor as string, `/loans/${loanId}/transactions`))
      .json()
      .items.filter((t: { type: string }) => t.type === 'repayment');

  beforeAll(async () => {
    h = await openHarness(db, {
      paymentChannels: (clock) => [
        sandboxChannel({ id: 'sandbox-instant', secret: SECRET, confirm: 'instant', clock }),
        sandboxChannel({ id: 'sandbox-wallet', secret: SECRET, confirm: 'callback', clock }),
      ],
    });
    const officer2 = await addStaff(h, 'officer2', ['loan_officer']);
    const product = await post(h.tokens.pm as string, '/products', {
      code: 'MICRO',
      name: 'Micro loan',
      config: defaultProductConfig(),
    });
    await post(h.tokens.risk as string, `/products/${product.json().id}/approve`);
    const borrowerId = (await findBorrowerByPhone(h.store.db, '+8613800000001'))?.id as string;
    const submitted = await post(h.tokens.officer as string, '/loans', {
      borrowerId,
      productCode: 'MICRO',
      principalMinor: 1_200_000,
      repayments: 12,
      disbursement: { kind: 'channel', channel: 'alipay' },
    });
    loanId = submitted.json().id;
    await post(officer2, `/loans/${loanId}/approve`);
    expect((await post(h.tokens.ops as string, `/loans/${loanId}/disburse`)).statusCode).toBe(201);
    me = await h.borrowerToken('+8613800000001');
    other = await h.borrowerToken('+8613800000002');
  });
  afterAll(async () => h?.close());

  it('lists the channels and what is due next, by component', async () => {
    const channels = await get(me, '/payment-channels');
    expect(channels.json().items).toEqual([
      { id: 'sandbox-instant', sandbox: true },
      { id: 'sandbox-wallet', sandbox: true },
    ]);
    expect((await get(me, '/loans')).json().items.map((l: { id: string }) => l.id)).toEqual([loanId]);
    const due = (await get(me, `/loans/${loanId}/due`)).json();
    expect(due.overdue.totalMinor).toBe(0);
    expect(due.next.n).toBe(1);
    expect(due.next.dueDate).toBe('2026-04-02');
    expect(due.next.principalMinor + due.next.interestMinor + due.next.feeMinor).toBe(due.next.totalMinor);
    expect(due.nextPaymentMinor).toBe(due.next.totalMinor);
    const payoff = (await get(me, `/loans/${loanId}/payoff`)).json();
    expect(due.payoffMinor).toBe(payoff.totalMinor);
  });

  it('pays the next instalment through an instant channel, once under a replayed key', async () => {
    const due = (await get(me, `/loans/${loanId}/due`)).json();
    const key = idemKey();
    const body = { amountMinor: due.nextPaymentMinor, channel: 'sandbox-instant' };
    const first = await post(me, `/loans/${loanId}/payments`, body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      loanId,
      status: 'succeeded',
      amountMinor: due.nextPaymentMinor,
      reference: `sbx_${first.json().id}`,
    });
    const again = await post(me, `/loans/${loanId}/payments`, body, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const booked = await repayments();
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      id: first.json().transactionId,
      amountMinor: due.nextPaymentMinor,
      channel: 'sandbox-instant',
    });
    // The next due date moved on to the second instalment.
    const after = (await get(me, `/loans/${loanId}/due`)).json();
    expect(after.next.n).toBe(2);
    expect(after.next.dueDate).toBe('2026-05-02');
    expect((await get(me, `/loans/${loanId}`)).json().nextDueDate).toBe('2026-05-02');
    const listed = (await get(me, `/loans/${loanId}/payments`)).json().items;
    expect(listed.map((p: { id: string }) => p.id)).toEqual([first.json().id]);
  });

  it('refuses another borrower, too large an amount, an unknown channel and a loan not active', async () => {
    const other1 = await post(other, `/loans/${loanId}/payments`, {
      amountMinor: 100,
      channel: 'sandbox-instant',
    });
    expect(other1.statusCode).toBe(404);
    expect(other1.json().code).toBe('not_found');
    expect((await get(other, `/loans/${loanId}/due`)).json().code).toBe('not_found');
    expect((await get(other, `/loans/${loanId}/payments`)).json().code).toBe('not_found');

    const payoff = (await get(me, `/loans/${loanId}/payoff`)).json().totalMinor;
    const tooMuch = await post(me, `/loans/${loanId}/payments`, {
      amountMinor: payoff + 1,
      channel: 'sandbox-instant',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      code: 'payment_exceeds_payoff',
      errors: [{ path: 'body.amountMinor', message: `at most ${payoff}` }],
    });
    const unknown = await post(me, `/loans/${loanId}/payments`, { amountMinor: 100, channel: 'cash' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('payment_channel_unknown');
    const zero = await post(me, `/loans/${loanId}/payments`, { amountMinor: 0, channel: 'sandbox-instant' });
    expect(zero.json().code).toBe('validation_failed');
    // Staff record repayments through their own route, not as a borrower's payment.
    const staff = await post(h.tokens.officer as string, `/loans/${loanId}/payments`, {
      amountMinor: 100,
      channel: 'sandbox-instant',
    });
    expect(staff.json().code).toBe('forbidden');

    const borrowerId = (await findBorrowerByPhone(h.store.db, '+8613800000001'))?.id as string;
    const pending = await post(h.tokens.officer as string, '/loans', {
      borrowerId,
      productCode: 'MICRO',
      principalMinor: 500_000,
      repayments: 6,
      disbursement: { kind: 'channel', channel: 'alipay' },
    });
    const notActive = await post(me, `/loans/${pending.json().id}/payments`, {
      amountMinor: 100,
      channel: 'sandbox-instant',
    });
    expect(notActive.statusCode).toBe(409);
    expect(notActive.json().code).toBe('loan_state_conflict');
  });

  describe('a channel that confirms by callback', () => {
    it('keeps the payment pending, counts it against the payoff, and books it once on the signed callback', async () => {
      const before = (await repayments()).length;
      h.clock.advance(1_000);
      const created = await post(me, `/loans/${loanId}/payments`, {
        amountMinor: 20_000,
        channel: 'sandbox-wallet',
      });
      expect(created.statusCode).toBe(201);
      const payment = created.json();
      expect(payment).toMatchObject({
        status: 'pending',
        transactionId: null,
        reference: `sbx_${payment.id}`,
      });
      expect(await repayments()).toHaveLength(before);

      const payoff = (await get(me, `/loans/${loanId}/payoff`)).json().totalMinor;
      const overPending = await post(me, `/loans/${loanId}/payments`, {
        amountMinor: payoff - 20_000 + 1,
        channel: 'sandbox-instant',
      });
      expect(overPending.json().code).toBe('payment_exceeds_payoff');

      const confirmation = {
        paymentId: payment.id,
        reference: payment.reference,
        status: 'succeeded',
        amountMinor: 20_000,
      };
      const forged = await callback('sandbox-wallet', confirmation, { secret: 'x'.repeat(64) });
      expect(forged.statusCode).toBe(401);
      expect(forged.json().code).toBe('payment_callback_invalid');
      const stale = await callback('sandbox-wallet', confirmation, {
        timestamp: Math.floor(h.clock.now().getTime() / 1000) - 3_600,
      });
      expect(stale.json().code).toBe('payment_callback_invalid');
      const unsigned = await h.app.inject({
        method: 'POST',
        url: '/api/v1/payment-channels/sandbox-wallet/callbacks',
        payload: confirmation,
      });
      expect(unsigned.json().code).toBe('payment_callback_invalid');
      const wrongAmount = await callback('sandbox-wallet', { ...confirmation, amountMinor: 20_001 });
      expect(wrongAmount.statusCode).toBe(409);
      expect(wrongAmount.json().code).toBe('payment_mismatch');
      const wrongChannel = await callback('sandbox-instant', confirmation);
      expect(wrongChannel.json().code).toBe('not_found');
      expect((await callback('nowhere', confirmation)).json().code).toBe('not_found');
      expect(await repayments()).toHaveLength(before);

      // The channel retries its callback: the first books the repayment, the others change nothing.
      const answers = await Promise.all([1, 2, 3].map(() => callback('sandbox-wallet', confirmation)));
      for (const a of answers) expect(a.statusCode, a.body).toBe(200);
      const settled = answers[0]?.json();
      expect(settled.status).toBe('succeeded');
      for (const a of answers) expect(a.json().transactionId).toBe(settled.transactionId);
      const booked = await repayments();
      expect(booked).toHaveLength(before + 1);
      expect(booked.filter((t: { id: string }) => t.id === settled.transactionId)).toHaveLength(1);
      // A contradicting callback afterwards is refused.
      expect((await callback('sandbox-wallet', { ...confirmation, status: 'failed' })).json().code).toBe(
        'payment_mismatch',
      );
    });

    it('records a failed collection without booking anything', async () => {
      const before = (await repayments()).length;
      h.clock.advance(1_000);
      const payment = (
        await post(me, `/loans/${loanId}/payments`, { amountMinor: 5_000, channel: 'sandbox-wallet' })
      ).json();
      const failed = await callback('sandbox-wallet', {
        paymentId: payment.id,
        reference: payment.reference,
        status: 'failed',
        amountMinor: 5_000,
        failureReason: 'insufficient balance',
      });
      expect(failed.json()).toMatchObject({ status: 'failed', failureReason: 'insufficient balance' });
      expect(await repayments()).toHaveLength(before);
      const statuses = (await get(me, `/loans/${loanId}/payments`))
        .json()
        .items.map((p: { status: string }) => p.status);
      expect(statuses).toEqual(['failed', 'succeeded', 'succeeded']);
    });
  });

  it('posted each confirmed payment to the ledger once, and the books reconcile', async () => {
    const payments = (await get(h.tokens.auditor as string, `/loans/${loanId}/payments`)).json().items;
    const succeeded = payments.filter((p: { status: string }) => p.status === 'succeeded');
    const booked = await repayments();
    expect(booked.map((t: { id: string }) => t.id).sort()).toEqual(
      succeeded.map((p: { transactionId: string }) => p.transactionId).sort(),
    );
    const journal = (await get(h.tokens.auditor as string, `/loans/${loanId}/journal`)).json().items;
    for (const t of booked) {
      const entries = journal.filter((e: { txnRef: string }) => e.txnRef === t.id);
      expect(entries.map((e: { id: string }) => e.id)).toEqual(t.journalEntries);
    }
    const tb = (await get(h.tokens.auditor as string, '/reports/trial-balance')).json();
    expect(tb.balanced).toBe(true);
    const cash = (account: string) => tb.rows.find((r: { account: string }) => r.account === account)?.debit;
    const sum = (channel: string) =>
      succeeded
        .filter((p: { channel: string }) => p.channel === channel)
        .reduce((s: number, p: { amountMinor: number }) => s + p.amountMinor, 0);
    expect(cash('1002:sandbox-instant')).toBe((sum('sandbox-instant') / 100).toFixed(2));
    expect(cash('1002:sandbox-wallet')).toBe((sum('sandbox-wallet') / 100).toFixed(2));
    expect((await get(h.tokens.auditor as string, '/reports/reconciliation')).json().balanced).toBe(true);
  });
});
