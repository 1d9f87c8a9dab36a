import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, idempotencyKeys } from '../../../api/client.ts';
import type { ProblemMapping } from '../../../api/problem.ts';
import { amountToMinor, minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatDate } from '../../../shared/format.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { chosen, useFormProblems } from '../../forms.ts';
import { CATEGORIES, CHANNELS, type LoanAction, type LoanDetail, type LoanTransaction } from './loans.ts';

/** What the modal confirms: an action on the loan, or reversing one of its transactions. */
export type Acting =
  | { readonly action: LoanAction }
  | { readonly action: 'reverse'; readonly txn: LoanTransaction };

interface Values {
  amount?: string;
  channel?: string;
  valueDate?: string;
  component?: 'interest' | 'fee' | 'penalty';
  category?: (typeof CATEGORIES)[number];
  reason?: string;
}

const MAPPING: ProblemMapping = {
  fields: ['amount', 'channel', 'valueDate', 'component', 'category', 'reason'],
  aliases: { amountMinor: 'amount' },
  codes: { classification_below_floor: 'category' },
};

/** Which inputs each action asks for. */
const INPUTS: Record<Acting['action'], ReadonlyArray<keyof Values>> = {
  approve: [],
  reject: ['reason'],
  withdraw: ['reason'],
  disburse: [],
  repay: ['amount', 'channel', 'valueDate'],
  payoff: ['channel'],
  charge: ['component', 'amount'],
  waive: ['component', 'amount'],
  writeOff: [],
  recover: ['amount', 'channel'],
  classify: ['category'],
  reverse: [],
};

/**
 * The confirmation of an action on a loan: the inputs it needs, the effect in words with the
 * amounts, and the POST with an Idempotency-Key kept per distinct body (a double click or a retry
 * replays the first answer; a changed body gets a new key). Server errors appear in place; on
 * success the loan's queries refresh.
 */
export function ActionModal(props: {
  loan: LoanDetail;
  borrowerName: string;
  payoff?: { date: string; totalMinor: number } | undefined;
  acting: Acting;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { loan, acting } = props;
  const [form] = Form.useForm<Values>();
  const problems = useFormProblems(form, MAPPING);
  // Fresh keys for each opening: a second, deliberate identical payment is a new request.
  const [keys] = useState(idempotencyKeys);
  const values = Form.useWatch([], form) as Values | undefined;
  const money = (minor: number) => formatAmount(minorToAmount(minor, loan.currency));
  const typed = values?.amount ? amountToMinor(values.amount, loan.currency) : null;
  const channelText = (c: string | undefined) =>
    c && (CHANNELS as readonly string[]).includes(c)
      ? t(`loans.channels.${c as (typeof CHANNELS)[number]}`)
      : (c ?? '');
  const label =
    acting.action === 'reverse'
      ? t('loans.actions.reverse.label')
      : t(`loans.actions.${acting.action}.label`);

  const effect = (() => {
    const amount = typed === null ? '—' : money(typed);
    const component = values?.component ? t(`loans.actions.componentOptions.${values.component}`) : '—';
    switch (acting.action) {
      case 'approve':
        return t('loans.actions.approve.effect', {
          id: loan.id,
          borrower: props.borrowerName,
          principal: money(loan.principalMinor),
          repayments: loan.repayments,
        });
      case 'reject':
      case 'withdraw':
        return t(`loans.actions.${acting.action}.effect`, {
          id: loan.id,
          principal: money(loan.principalMinor),
        });
      case 'disburse': {
        const d = loan.disbursement;
        const target =
          d.kind === 'merchant'
            ? t('loans.detail.toMerchant', { merchant: d.merchant })
            : t('loans.detail.toChannel', { channel: channelText(d.channel) });
        return t('loans.actions.disburse.effect', { principal: money(loan.principalMinor), target });
      }
      case 'repay':
      case 'recover':
        return t(`loans.actions.${acting.action}.effect`, { amount, channel: channelText(values?.channel) });
      case 'payoff':
        return t('loans.actions.payoff.effect', {
          amount: props.payoff ? money(props.payoff.totalMinor) : '—',
          date: props.payoff ? formatDate(props.payoff.date, i18n.language) : '—',
          channel: channelText(values?.channel),
        });
      case 'charge':
        return t('loans.actions.charge.effect', { component, amount });
      case 'waive':
        return t('loans.actions.waive.effect', {
          component,
          amount: values?.amount ? amount : t('loans.actions.waive.all'),
        });
      case 'writeOff':
        return t('loans.actions.writeOff.effect', { id: loan.id, amount: money(loan.totalOutstandingMinor) });
      case 'classify':
        return t('loans.actions.classify.effect', {
          category: values?.category ? t(`loans.category.${values.category}`) : '—',
        });
      case 'reverse':
        return t('loans.actions.reverse.effect', {
          id: acting.txn.id,
          type: t(`loans.transactions.types.${acting.txn.type}` as 'loans.transactions.types.repayment', {
            defaultValue: acting.txn.type,
          }),
          amount: money(acting.txn.amountMinor),
        });
    }
  })();

  const run = useMutation({
    mutationFn: (v: Values): Promise<unknown> => {
      const id = loan.id;
      const path = { path: { id } };
      const amountMinor = v.amount ? (amountToMinor(v.amount, loan.currency) ?? 0) : undefined;
      const header = (body: unknown) => ({
        ...path,
        header: { 'idempotency-key': keys.for({ action: acting.action, id, body }) },
      });
      const reason = v.reason?.trim() ? { reason: v.reason.trim() } : {};
      switch (acting.action) {
        case 'approve':
          return call(api.POST('/api/v1/loans/{id}/approve', { params: header({}), body: {} }));
        case 'reject':
          return call(api.POST('/api/v1/loans/{id}/reject', { params: header(reason), body: reason }));
        case 'withdraw':
          return call(api.POST('/api/v1/loans/{id}/withdraw', { params: header(reason), body: reason }));
        case 'disburse':
          return call(api.POST('/api/v1/loans/{id}/disburse', { params: header({}), body: {} }));
        case 'repay': {
          const body = {
            amountMinor: amountMinor ?? 0,
            channel: v.channel ?? '',
            ...(v.valueDate?.trim() ? { valueDate: v.valueDate.trim() } : {}),
          };
          return call(api.POST('/api/v1/loans/{id}/repayments', { params: header(body), body }));
        }
        case 'payoff': {
          const body = { channel: v.channel ?? '' };
          return call(api.POST('/api/v1/loans/{id}/payoff', { params: header(body), body }));
        }
        case 'charge': {
          const body = {
            component: v.component === 'penalty' ? 'penalty' : 'fee',
            amountMinor: amountMinor ?? 0,
          } as const;
          return call(api.POST('/api/v1/loans/{id}/charges', { params: header(body), body }));
        }
        case 'waive': {
          const body = { component: v.component ?? 'interest', ...(amountMinor ? { amountMinor } : {}) };
          return call(api.POST('/api/v1/loans/{id}/waivers', { params: header(body), body }));
        }
        case 'writeOff':
          return call(api.POST('/api/v1/loans/{id}/write-off', { params: header({}), body: {} }));
        case 'recover': {
          const body = { amountMinor: amountMinor ?? 0, channel: v.channel ?? '' };
          return call(api.POST('/api/v1/loans/{id}/recoveries', { params: header(body), body }));
        }
        case 'classify': {
          const body = { category: v.category ?? 'normal' };
          return call(api.POST('/api/v1/loans/{id}/classification', { params: header(body), body }));
        }
        case 'reverse': {
          const body = { transactionId: acting.txn.id };
          return call(api.POST('/api/v1/loans/{id}/reversals', { params: header(body), body }));
        }
      }
    },
    onSuccess: async () => {
      void message.success(t('loans.actions.done', { action: label }));
      await queryClient.invalidateQueries({ queryKey: ['loans'] });
      props.onClose();
    },
    onError: problems.show,
  });

  const inputs = INPUTS[acting.action];
  const required = { required: true, message: t('common.required') };
  const picked = chosen(t('common.required'));
  const amountRule = {
    validator: (_: unknown, v: string | undefined) =>
      !v || (amountToMinor(v, loan.currency) ?? 0) > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('loans.amountInvalid'))),
  };
  return (
    <Modal
      open
      title={label}
      okText={t('loans.actions.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: ['writeOff', 'reject', 'reverse'].includes(acting.action) }}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {problems.banner && <ProblemAlert error={problems.banner} />}
      <Form<Values>
        form={form}
        name="loan-action"
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'alipay', component: acting.action === 'charge' ? 'fee' : 'interest' }}
        onFinish={(v) => {
          problems.clear();
          run.mutate(v);
        }}
      >
        {inputs.includes('component') && (
          <Form.Item name="component" label={t('loans.actions.component')} rules={[picked]}>
            <Select
              options={(acting.action === 'charge'
                ? (['fee', 'penalty'] as const)
                : (['interest', 'fee', 'penalty'] as const)
              ).map((c) => ({ value: c, label: t(`loans.actions.componentOptions.${c}`) }))}
            />
          </Form.Item>
        )}
        {inputs.includes('amount') && (
          <Form.Item
            name="amount"
            label={`${acting.action === 'waive' ? t('loans.actions.amountOptional') : t('loans.actions.amount')} (${loan.currency})`}
            rules={acting.action === 'waive' ? [amountRule] : [required, amountRule]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        )}
        {inputs.includes('channel') && (
          <Form.Item name="channel" label={t('loans.actions.channel')} rules={[picked]}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`loans.channels.${c}`) }))} />
          </Form.Item>
        )}
        {inputs.includes('valueDate') && (
          <Form.Item name="valueDate" label={t('loans.actions.valueDate')}>
            <Input type="date" />
          </Form.Item>
        )}
        {inputs.includes('category') && (
          <Form.Item name="category" label={t('loans.actions.category')} rules={[picked]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`loans.category.${c}`) }))} />
          </Form.Item>
        )}
        {inputs.includes('reason') && (
          <Form.Item name="reason" label={t('loans.actions.reason')}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        )}
      </Form>
      <Typography.Paragraph data-testid="action-effect" style={{ marginBottom: 0 }}>
        {effect}
      </Typography.Paragraph>
    </Modal>
  );
}
