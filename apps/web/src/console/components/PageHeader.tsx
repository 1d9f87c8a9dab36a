import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The top of every console page: its one `<h1>`, an optional line of explanation and actions on
 * the right.
 *
 * @example <PageHeader title={t('users.title')} actions={<Button>New</Button>} />
 */
export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {intro && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {intro}
          </Typography.Paragraph>
        )}
      </div>
      {actions && <Flex gap={8}>{actions}</Flex>}
    </Flex>
  );
}
