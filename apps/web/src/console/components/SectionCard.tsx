import { Card, type CardProps } from 'antd';
import type { ReactNode } from 'react';

/**
 * A titled part of a page: a small card whose title is a level-2 heading (the page's `<h1>` is
 * in `<PageHeader>`), so screen readers can jump between parts.
 *
 * @example <SectionCard title={t('products.sections.fees')}>…</SectionCard>
 */
export function SectionCard({
  title,
  children,
  ...rest
}: { title: string; children: ReactNode } & Omit<CardProps, 'title'>) {
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      size="small"
      style={{ marginBottom: 16 }}
      {...rest}
    >
      {children}
    </Card>
  );
}
