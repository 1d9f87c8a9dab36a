import { Card, type CardProps } from 'antd';
import type { ReactNode } from 'react';
import { CardTitle } from './CardTitle.tsx';

/**
 * A titled part of a page: a small card, spaced from the next, whose title is a {@link CardTitle}
 * (a level-2 heading under the page's `<h1>` in `<PageHeader>`), so screen readers can jump
 * between parts. For a card laid out otherwise (in a grid row), use Ant Design's `Card` with
 * `title={<CardTitle>…</CardTitle>}`.
 *
 * @example <SectionCard title={t('products.sections.fees')}>…</SectionCard>
 */
export function SectionCard({
  title,
  children,
  ...rest
}: { title: string; children: ReactNode } & Omit<CardProps, 'title'>) {
  return (
    <Card title={<CardTitle>{title}</CardTitle>} size="small" style={{ marginBottom: 16 }} {...rest}>
      {children}
    </Card>
  );
}
