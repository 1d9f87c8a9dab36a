import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call, idempotencyKeys } from '../../../api/client.ts';
import { ApiError, type ProblemMapping } from '../../../api/problem.ts';
import { formatDate } from '../../../shared/format.ts';
import { Button, Notice, RadioGroup, TextField } from '../../components/ui.tsx';
import { api } from '../../context.ts';
import { useElderMode } from '../../elder.ts';
import { usePortalProblems } from '../../problems.ts';
import { channelName, LoanScreen, ProblemNotice, useDue, useLoan, yuan } from './common.tsx';
import { type AmountChoice, type AmountDue, amountFor, type Payment, presetAmounts } from './loans.ts';

type Step = 'details' | 'amount' | 'channel' | 'confirm' | 'done';

const MAPPING: ProblemMapping = {
  fields: ['amount', 'channel'],
  aliases: { amount: 'amountMinor' },
  codes: { payment_exceeds_payoff: 'amount', payment_channel_unknown: 'channel' },
};

function Pay({ id, due }: { id: string; due: AmountDue }) {
  const { t, i18n } = useTranslation('portal');
  const elder = useElderMode();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const presets = useMemo(() => presetAmounts(due), [due]);
  const [choice, setChoice] = useState<AmountChoice>(() => {
    const asked = search.get('amount');
    if (asked === 'payoff' && presets.some((p) => p.choice === 'payoff')) return 'payoff';
    return presets[0]?.choice ?? 'other';
  });
  const [otherText, setOtherText] = useState('');
  const [channel, setChannel] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(elder ? 'amount' : 'details');
  const [keys] = useState(() => idempotencyKeys());
  const problems = usePortalProblems(MAPPING);
  const channels = useQuery({
    queryKey: ['payment-channels'],
    queryFn: () => call(api.GET('/api/v1/payment-channels')),
  });
  const chosenChannel = channel ?? channels.data?.items[0]?.id ?? null;
  const amountMinor = amountFor(choice, otherText, due);
  const max = yuan(due.payoffMinor);
  const pay = useMutation({
    mutationFn: (body: { amountMinor: number; channel: string }) =>
      call(
        api.POST('/api/v1/loans/{id}/payments', {
          params: { path: { id }, header: { 'idempotency-key': keys.for({ id, ...body }) } },
          body,
        }),
      ),
    onSuccess: async () => {
      setStep('done');
      await queryClient.invalidateQueries({ queryKey: ['loan', id] });
      await queryClient.invalidateQueries({ queryKey: ['loans'] });
    },
    onError: (error) => {
      problems.show(error);
      if (error instanceof ApiError && error.code === 'payment_exceeds_payoff')
        problems.setFields({ amount: t('loans.pay.amountTooLarge', { max }) });
      setStep(elder ? 'amount' : 'details');
    },
  });

  const checkAmount = (): boolean => {
    if (amountMinor === null) {
      problems.setFields({ amount: t('loans.pay.amountInvalid') });
      return false;
    }
    if (amountMinor > due.payoffMinor) {
      problems.setFields({ amount: t('loans.pay.amountTooLarge', { max }) });
      return false;
    }
    return true;
  };
  const next = (e: FormEvent) => {
    e.preventDefault();
    problems.clear();
    if ((step === 'details' || step === 'amount') && !checkAmount()) return;
    if ((step === 'details' || step === 'channel') && !chosenChannel) return;
    setStep(step === 'amount' ? 'channel' : 'confirm');
  };

  const amountField = (
    <>
      <RadioGroup<AmountChoice>
        legend={t('loans.pay.amountLegend')}
        name="amount"
        value={choice}
        onChange={setChoice}
        options={[
          ...presets.map((p) => ({
            value: p.choice,
            label:
              p.choice === 'payoff'
                ? t('loans.pay.payoff', { amount: yuan(p.minor) })
                : due.overdue.totalMinor > 0
                  ? t('loans.pay.nextWithOverdue', { amount: yuan(p.minor) })
                  : t('loans.pay.next', { amount: yuan(p.minor) }),
          })),
          { value: 'other' as const, label: t('loans.pay.other') },
        ]}
        error={choice === 'other' ? undefined : problems.fields.amount}
      />
      {choice === 'other' && (
        <TextField
          label={t('loans.pay.otherLabel')}
          hint={t('loans.pay.otherHint', { max })}
          name="otherAmount"
          inputMode="decimal"
          value={otherText}
          onChange={(e) => setOtherText(e.target.value)}
          error={problems.fields.amount}
        />
      )}
    </>
  );
  const channelField = channels.error ? (
    <ProblemNotice error={channels.error} />
  ) : !channels.data ? (
    <p aria-live="polite">{t('app.loading')}</p>
  ) : channels.data.items.length === 0 ? (
    <Notice kind="warning">{t('loans.pay.noChannels')}</Notice>
  ) : (
    <RadioGroup<string>
      legend={t('loans.pay.channelLegend')}
      name="channel"
      value={chosenChannel ?? ''}
      onChange={setChannel}
      options={channels.data.items.map((c) => ({ value: c.id, label: channelName(t, c.id) }))}
      error={problems.fields.channel}
    />
  );

  if (step === 'done' && pay.data) return <Done id={id} payment={pay.data} />;
  if (step === 'confirm' && amountMinor !== null && chosenChannel)
    return (
      <section aria-labelledby="confirm-title" className="due-card">
        <h2 id="confirm-title">{t('loans.pay.stepConfirm')}</h2>
        <p>{t('loans.pay.confirmText', { channel: channelName(t, chosenChannel) })}</p>
        <p className="amount-big" data-testid="confirm-amount">
          {yuan(amountMinor)}
        </p>
        {problems.banner && <Notice kind="error">{problems.banner}</Notice>}
        <Button
          busy={pay.isPending}
          data-testid="confirm-pay"
          onClick={() => pay.mutate({ amountMinor, channel: chosenChannel })}
        >
          {t('loans.pay.confirm')}
        </Button>
        <Button variant="secondary" onClick={() => setStep(elder ? 'amount' : 'details')}>
          {t('loans.pay.change')}
        </Button>
      </section>
    );
  return (
    <form onSubmit={next} noValidate>
      {due.next && (
        <p className="hint">
          {t('loans.loan.dueBy', { date: formatDate(due.next.dueDate, i18n.language), n: due.next.n })}
        </p>
      )}
      {problems.banner && <Notice kind="error">{problems.banner}</Notice>}
      {step !== 'channel' && (
        <>
          {elder && <h2>{t('loans.pay.stepAmount')}</h2>}
          {amountField}
        </>
      )}
      {step !== 'amount' && (
        <>
          {elder && <h2>{t('loans.pay.stepChannel')}</h2>}
          {channelField}
        </>
      )}
      <Button type="submit" disabled={step !== 'amount' && !chosenChannel}>
        {t('loans.pay.continue')}
      </Button>
      {step === 'channel' && (
        <Button variant="secondary" onClick={() => setStep('amount')}>
          {t('loans.pay.back')}
        </Button>
      )}
    </form>
  );
}

/** The answer after paying: booked, waiting for the channel, or refused by it. */
function Done({ id, payment }: { id: string; payment: Payment }) {
  const { t } = useTranslation('portal');
  const text =
    payment.status === 'succeeded'
      ? t('loans.pay.succeeded', { amount: yuan(payment.amountMinor) })
      : payment.status === 'pending'
        ? t('loans.pay.pending')
        : t('loans.pay.failed', { reason: payment.failureReason ?? '' });
  return (
    <section
      aria-labelledby="done-title"
      data-testid="pay-result"
      data-status={payment.status}
      className="due-card"
    >
      <h2
        id="done-title"
        tabIndex={-1}
        ref={(el) => {
          el?.focus();
        }}
      >
        {t('loans.pay.title')}
      </h2>
      <Notice kind={payment.status === 'failed' ? 'error' : 'info'}>{text}</Notice>
      <ul className="cards">
        <li>
          <Link to={`/loans/${id}/history`} className="card-link">
            <span className="card-title">{t('loans.pay.toHistory')}</span>
          </Link>
        </li>
        <li>
          <Link to={`/loans/${id}`} className="card-link">
            <span className="card-title">{t('loans.pay.toLoan')}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}

function PayLoader({ id }: { id: string }) {
  const { t } = useTranslation('portal');
  const loan = useLoan(id);
  const active = loan.data?.status === 'active';
  const due = useDue(id, active);
  const error = loan.error ?? due.error;
  if (error) return <ProblemNotice error={error} />;
  if (loan.data && !active) return <Notice kind="warning">{t('loans.pay.notPayable')}</Notice>;
  if (!due.data) return <p aria-live="polite">{t('app.loading')}</p>;
  return <Pay id={id} due={due.data} />;
}

/**
 * Repay: choose the amount (the next payment, the payoff amount or another amount) and the payment
 * channel, confirm, and pay through the channel (`POST /loans/{id}/payments`, idempotent). In
 * elder mode amount, channel and confirmation are separate screens.
 */
export default function PayPage() {
  const { t } = useTranslation('portal');
  return <LoanScreen title={t('loans.pay.title')}>{(id) => <PayLoader id={id} />}</LoanScreen>;
}
