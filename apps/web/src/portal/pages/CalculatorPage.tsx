import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.ts';
import type { ProblemMapping } from '../../api/problem.ts';
import type { components } from '../../api/schema.d.ts';
import { formatAmount, formatDate, formatRate } from '../../shared/format.ts';
import { Page } from '../components/Shell.tsx';
import { Button, Notice, RadioGroup, TextField } from '../components/ui.tsx';
import { api } from '../context.ts';
import { useElderMode } from '../elder.ts';
import { usePortalProblems } from '../problems.ts';
import {
  type CalculatorField,
  type CalculatorInput,
  localToday,
  SPEC_FIELD_TO_INPUT,
  toScheduleSpec,
} from './calculator.ts';

type ScheduleResult = components['schemas']['ScheduleResult'];

const MAPPING: ProblemMapping = {
  fields: ['amount', 'rate', 'months', 'method', 'fee', 'start'],
  aliases: SPEC_FIELD_TO_INPUT,
  codes: { rate_not_found: 'rate' },
};

/** The annualised rate and totals: the numbers to compare loans by. */
function Summary({ result }: { result: ScheduleResult }) {
  const { t } = useTranslation('portal');
  return (
    <section aria-labelledby="result-title" className="result">
      <h2
        id="result-title"
        tabIndex={-1}
        ref={(el) => {
          // A new result takes the focus (and the screen), so it is seen and announced.
          el?.focus();
          el?.scrollIntoView?.({ block: 'start' });
        }}
      >
        {t('calculator.resultTitle')}
      </h2>
      <div className="apr">
        <p className="apr-label">{t('calculator.apr')}</p>
        <p className="apr-value" data-testid="apr">
          {result.annualizedRate ? formatRate(result.annualizedRate.nominal) : '—'}
        </p>
        <p className="hint">{t('calculator.aprHint')}</p>
        {result.annualizedRate ? (
          <p className="hint">
            {t('calculator.effective', { rate: formatRate(result.annualizedRate.effective) })}
          </p>
        ) : (
          <p className="hint">{t('calculator.aprUnavailable')}</p>
        )}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('calculator.totalPaid')}</dt>
          <dd data-testid="total-paid">{formatAmount(result.totals.total)}</dd>
        </div>
        <div>
          <dt>{t('calculator.totalInterest')}</dt>
          <dd>{formatAmount(result.totals.interest)}</dd>
        </div>
        <div>
          <dt>{t('calculator.totalFees')}</dt>
          <dd>{formatAmount(result.totals.fees)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Every payment: a table, or in elder mode one large card per payment. */
function Schedule({ result }: { result: ScheduleResult }) {
  const { t, i18n } = useTranslation('portal');
  const elder = useElderMode();
  const instalments = result.periods.filter((p) => p.n > 0).length;
  const label = (n: number) => (n === 0 ? t('calculator.atDisbursement') : t('calculator.period', { n }));
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('calculator.scheduleTitle', { count: instalments })}</h2>
      {elder ? (
        <ol className="periods">
          {result.periods.map((p) => (
            <li key={p.n} data-testid={p.n > 0 ? 'instalment' : 'disbursement'}>
              <p className="period-head">
                <span>{label(p.n)}</span> <span>{formatDate(p.dueDate, i18n.language)}</span>
              </p>
              <p className="period-total">{formatAmount(p.total)}</p>
              <dl className="facts compact">
                <div>
                  <dt>{t('calculator.columns.principal')}</dt>
                  <dd>{formatAmount(p.principal)}</dd>
                </div>
                <div>
                  <dt>{t('calculator.columns.interest')}</dt>
                  <dd>{formatAmount(p.interest)}</dd>
                </div>
                {p.fees !== '0.00' && (
                  <div>
                    <dt>{t('calculator.columns.fees')}</dt>
                    <dd>{formatAmount(p.fees)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('calculator.columns.balance')}</dt>
                  <dd>{formatAmount(p.balance)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-labelledby="schedule-title" tabIndex={0}>
          <table>
            <caption>{t('calculator.scheduleCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calculator.columns.n')}</th>
                <th scope="col">{t('calculator.columns.dueDate')}</th>
                <th scope="col">{t('calculator.columns.total')}</th>
                <th scope="col">{t('calculator.columns.principal')}</th>
                <th scope="col">{t('calculator.columns.interest')}</th>
                <th scope="col">{t('calculator.columns.fees')}</th>
                <th scope="col">{t('calculator.columns.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {result.periods.map((p) => (
                <tr key={p.n} data-testid={p.n > 0 ? 'instalment' : 'disbursement'}>
                  <th scope="row">{p.n === 0 ? t('calculator.atDisbursement') : p.n}</th>
                  <td>{p.dueDate}</td>
                  <td className="num strong">{formatAmount(p.total)}</td>
                  <td className="num">{formatAmount(p.principal)}</td>
                  <td className="num">{formatAmount(p.interest)}</td>
                  <td className="num">{formatAmount(p.fees)}</td>
                  <td className="num">{formatAmount(p.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/**
 * The loan calculator on the loan engine (`POST /api/v1/calculator/schedule`): every instalment
 * and the annualised rate including fees. In elder mode the form and the result are separate
 * screens (one task per screen).
 */
export default function CalculatorPage() {
  const { t } = useTranslation('portal');
  const elder = useElderMode();
  const [input, setInput] = useState<CalculatorInput>(() => ({
    amount: '10000',
    rate: '12',
    months: '12',
    method: 'equal_installments',
    fee: '',
    start: localToday(new Date()),
  }));
  const [showForm, setShowForm] = useState(true);
  const invalidText = useMemo<Record<CalculatorField, string>>(
    () => ({
      amount: t('calculator.amountInvalid'),
      rate: t('calculator.rateInvalid'),
      months: t('calculator.monthsInvalid'),
      fee: t('calculator.amountInvalid'),
      start: t('calculator.startInvalid'),
      method: t('calculator.methodInvalid'),
    }),
    [t],
  );
  const fieldText = useCallback((field: string) => invalidText[field as CalculatorField], [invalidText]);
  const problems = usePortalProblems(MAPPING, fieldText);
  const calculate = useMutation({
    mutationFn: (body: Record<string, unknown>) => call(api.POST('/api/v1/calculator/schedule', { body })),
    onSuccess: () => setShowForm(false),
    onError: problems.show,
  });
  const set = (field: CalculatorField) => (e: { target: { value: string } }) =>
    setInput((prev) => ({ ...prev, [field]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    problems.clear();
    const built = toScheduleSpec(input);
    if (!built.ok) {
      problems.setFields(Object.fromEntries(built.invalid.map((f) => [f, invalidText[f]])));
      return;
    }
    calculate.mutate({ ...built.spec });
  };
  const result = calculate.data;
  const formVisible = !elder || showForm || !result;
  const resultVisible = result !== undefined && (!elder || !showForm);
  return (
    <Page title={t('calculator.title')} back={{ to: '/', label: t('app.home') }}>
      {formVisible && (
        <form onSubmit={submit} noValidate className="calculator-form">
          <p className="lead">{t('calculator.intro')}</p>
          {problems.banner && <Notice kind="error">{problems.banner}</Notice>}
          <TextField
            label={t('calculator.amount')}
            hint={t('calculator.amountHint')}
            name="amount"
            inputMode="decimal"
            value={input.amount}
            onChange={set('amount')}
            error={problems.fields.amount}
          />
          <TextField
            label={t('calculator.rate')}
            hint={t('calculator.rateHint')}
            name="rate"
            inputMode="decimal"
            value={input.rate}
            onChange={set('rate')}
            error={problems.fields.rate}
          />
          <TextField
            label={t('calculator.months')}
            name="months"
            inputMode="numeric"
            value={input.months}
            onChange={set('months')}
            error={problems.fields.months}
          />
          <RadioGroup
            legend={t('calculator.method')}
            name="method"
            value={input.method}
            onChange={(method) => setInput((prev) => ({ ...prev, method }))}
            options={[
              { value: 'equal_installments', label: t('calculator.methods.equal_installments') },
              { value: 'equal_principal', label: t('calculator.methods.equal_principal') },
            ]}
            error={problems.fields.method}
          />
          <TextField
            label={t('calculator.fee')}
            hint={t('calculator.feeHint')}
            name="fee"
            inputMode="decimal"
            value={input.fee}
            onChange={set('fee')}
            error={problems.fields.fee}
          />
          <TextField
            label={t('calculator.start')}
            name="start"
            type="date"
            value={input.start}
            onChange={set('start')}
            error={problems.fields.start}
          />
          <Button type="submit" busy={calculate.isPending}>
            {t('calculator.submit')}
          </Button>
        </form>
      )}
      {resultVisible && (
        <>
          <Summary result={result} />
          <Schedule result={result} />
          {elder && (
            <Button variant="secondary" onClick={() => setShowForm(true)}>
              {t('calculator.edit')}
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
