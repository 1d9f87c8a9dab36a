import { Card, Flex, Statistic, Table, type TableProps, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema.d.ts';
import { formatAmount, formatDate, formatRate } from '../../../shared/format.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCaption } from './caption.tsx';

export type Preview =
  paths['/api/v1/loans/preview']['post']['responses']['200']['content']['application/json'];
type Period = Preview['periods'][number];

/**
 * The schedule a loan would have (`POST /api/v1/loans/preview`): the annualised rate (IRR, all
 * fees included), the totals and every instalment.
 */
export function SchedulePreview(props: {
  preview: Preview | undefined;
  loading: boolean;
  error: ApiError | null;
  /** Shown instead of the server's detail for an `outside_product_limits` answer. */
  limits?: string;
}) {
  const { t, i18n } = useTranslation();
  const caption = useCaption(t('loans.preview.caption'));
  const columns = useMemo<TableProps<Period>['columns']>(
    () => [
      {
        title: t('loans.preview.columns.n'),
        key: 'n',
        render: (_, p) => (p.n === 0 ? t('loans.preview.atDisbursement') : p.n),
      },
      {
        title: t('loans.preview.columns.dueDate'),
        key: 'dueDate',
        render: (_, p) => formatDate(p.dueDate, i18n.language, 'medium'),
      },
      { title: t('loans.preview.columns.days'), dataIndex: 'days', key: 'days', align: 'right' },
      ...(['principal', 'interest', 'fees', 'total', 'balance'] as const).map((k) => ({
        title: t(`loans.preview.columns.${k}`),
        key: k,
        align: 'right' as const,
        render: (_: unknown, p: Period) => formatAmount(p[k]),
      })),
    ],
    [t, i18n.language],
  );
  const { preview, error } = props;
  return (
    <Card
      title={<CardTitle>{t('loans.preview.title')}</CardTitle>}
      size="small"
      data-testid="schedule-preview"
      aria-busy={props.loading}
    >
      {error && (
        <ProblemAlert
          error={error}
          {...(error.code === 'outside_product_limits' && props.limits ? { detail: props.limits } : {})}
        />
      )}
      {!preview && !error && (
        <Typography.Paragraph type="secondary">{t('loans.preview.empty')}</Typography.Paragraph>
      )}
      {preview && (
        <>
          <Flex wrap gap={32} style={{ marginBottom: 8 }}>
            <Statistic
              title={t('loans.preview.apr')}
              value={preview.annualizedRate ? formatRate(preview.annualizedRate.nominal) : '—'}
              valueRender={(v) => <span data-testid="preview-apr">{v}</span>}
              valueStyle={{ fontWeight: 600 }}
            />
            {preview.annualizedRate && (
              <Statistic
                title={t('loans.preview.effective')}
                value={formatRate(preview.annualizedRate.effective)}
                valueRender={(v) => <span data-testid="preview-effective">{v}</span>}
                valueStyle={{ fontSize: 18 }}
              />
            )}
            <Statistic
              title={t('loans.preview.totalPaid')}
              value={formatAmount(preview.totals.total)}
              valueStyle={{ fontSize: 18 }}
            />
            <Statistic
              title={t('loans.preview.totalInterest')}
              value={formatAmount(preview.totals.interest)}
              valueStyle={{ fontSize: 18 }}
            />
            <Statistic
              title={t('loans.preview.totalFees')}
              value={formatAmount(preview.totals.fees)}
              valueStyle={{ fontSize: 18 }}
            />
          </Flex>
          {!preview.annualizedRate && (
            <Typography.Paragraph>{t('loans.preview.aprUnavailable')}</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('loans.preview.aprHint')}
          </Typography.Paragraph>
          <Table<Period>
            rowKey="n"
            size="small"
            components={caption}
            columns={columns}
            dataSource={preview.periods}
            pagination={false}
            scroll={{ x: 'max-content' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('loans.preview.totals')}</strong>
                </Table.Summary.Cell>
                {(['principal', 'interest', 'fees', 'total'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={3 + i} align="right">
                    <strong>{formatAmount(preview.totals[k])}</strong>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={7} />
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </Card>
  );
}
