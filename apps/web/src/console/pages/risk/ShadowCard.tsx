import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.ts';
import type { ApiError } from '../../../api/problem.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { CardTitle } from '../../components/CardTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { api } from '../../context.ts';
import { StopChallengerButton, type useRoleChange } from './ModelActions.tsx';
import { fixed, gradeMatrix, percent } from './series.ts';

/**
 * Champion against challenger on the live applicants both scored (`GET /api/v1/risk/shadow`):
 * agreement, approval rates, probability and score differences and the grade cross-table, with
 * "stop challenger" for risk managers.
 */
export function ShadowCard({ roles }: { roles: ReturnType<typeof useRoleChange> }) {
  const { t, i18n } = useTranslation();
  const shadow = useQuery({
    queryKey: ['risk', 'shadow'],
    queryFn: () => call(api.GET('/api/v1/risk/shadow', { params: { query: { limit: 10_000 } } })),
  });
  const s = shadow.data;
  const matrix = useMemo(() => gradeMatrix(s?.grades ?? []), [s]);
  const name = (m: { name: string; version: number } | null) =>
    m ? t('risk.versioned', { name: m.name, version: m.version }) : t('risk.shadow.none');
  return (
    <Card
      title={<CardTitle>{t('risk.shadow.title')}</CardTitle>}
      extra={s?.challenger ? <StopChallengerButton roles={roles} /> : null}
      data-testid="shadow-card"
    >
      {shadow.isError ? (
        <ProblemAlert error={shadow.error as ApiError} onRetry={() => void shadow.refetch()} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('risk.shadow.intro')}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'champion', label: t('risk.status.champion'), children: name(s.champion) },
              { key: 'challenger', label: t('risk.status.challenger'), children: name(s.challenger) },
            ]}
          />
          {!s.challenger ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.shadow.noChallenger')} />
          ) : s.pairs === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.shadow.noPairs')} />
          ) : (
            <>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                data-testid="shadow-summary"
                items={[
                  { key: 'pairs', label: t('risk.shadow.pairs'), children: s.pairs },
                  {
                    key: 'period',
                    label: t('risk.shadow.period'),
                    children:
                      s.from && s.to
                        ? `${formatDateTime(s.from, i18n.language)} – ${formatDateTime(s.to, i18n.language)}`
                        : '—',
                  },
                  {
                    key: 'grade',
                    label: t('risk.shadow.gradeAgreement'),
                    children: percent(s.gradeAgreement),
                  },
                  {
                    key: 'decision',
                    label: t('risk.shadow.decisionAgreement'),
                    children: percent(s.decisionAgreement),
                  },
                  {
                    key: 'approval',
                    label: t('risk.shadow.approval'),
                    children: t('risk.shadow.approvalValue', {
                      champion: percent(s.approvalRate.champion),
                      challenger: percent(s.approvalRate.challenger),
                    }),
                  },
                  {
                    key: 'diff',
                    label: t('risk.shadow.probabilityDiff'),
                    children: t('risk.shadow.probabilityDiffValue', {
                      mean: fixed(s.meanAbsProbabilityDifference),
                      max: fixed(s.maxAbsProbabilityDifference),
                    }),
                  },
                  {
                    key: 'score',
                    label: t('risk.shadow.scoreDiff'),
                    children: fixed(s.meanScoreDifference, 1),
                  },
                  { key: 'corr', label: t('risk.shadow.correlation'), children: fixed(s.scoreCorrelation) },
                ]}
              />
              <Table
                size="small"
                rowKey="grade"
                pagination={false}
                dataSource={matrix.rows}
                title={() => <CardTitle level={3}>{t('risk.shadow.grades')}</CardTitle>}
                columns={[
                  { title: t('risk.shadow.gradeCorner'), dataIndex: 'grade', key: 'grade' },
                  ...matrix.grades.map((g) => ({
                    title: g,
                    key: g,
                    align: 'right' as const,
                    render: (_: unknown, r: (typeof matrix.rows)[number]) => r.counts[g] ?? 0,
                  })),
                  {
                    title: t('risk.shadow.total'),
                    dataIndex: 'total',
                    key: 'total',
                    align: 'right' as const,
                  },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
