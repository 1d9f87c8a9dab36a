import type { ReactNode } from 'react';

/**
 * A card's heading as an `<h2>` (pages have one `<h1>`; sections under it are `<h2>`), sized like
 * Ant Design's card titles.
 *
 * @example <Card title={<CardTitle>ROC curve</CardTitle>}>…</Card>
 */
export function CardTitle({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return <Tag style={{ fontSize: level === 2 ? 16 : 14, margin: 0 }}>{children}</Tag>;
}
