import type { CSSProperties, HTMLAttributes } from 'react';
import { useMemo } from 'react';

/** Hidden on screen, read by screen readers. */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * Ant Design `Table` components that give the `<table>` a `<caption>` (read by screen readers,
 * hidden on screen): what the table shows.
 *
 * @example <Table components={useCaption(t('loans.schedule.caption'))} … />
 */
export function useCaption(caption: string) {
  return useMemo(
    () => ({
      table: ({ children, ...rest }: HTMLAttributes<HTMLTableElement>) => (
        <table {...rest}>
          <caption style={VISUALLY_HIDDEN}>{caption}</caption>
          {children}
        </table>
      ),
    }),
    [caption],
  );
}
