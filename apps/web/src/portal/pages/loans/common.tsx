import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { call } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import { useSession } from '../../../api/session.ts';
import { errorKey } from '../../../i18n/errors.ts';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount } from '../../../shared/format.ts';
import { Page } from '../../components/Shell.tsx';
import { Notice } from '../../components/ui.tsx';
import { api, portalSession } from '../../context.ts';
import { type AmountDue, componentParts } from './loans.ts';

/** An amount in minor units as the borrower reads it: `¥1,054.17`. */
export function yuan(minor: number): string {
  return `¥${formatAmount(minorToAmount(minor))}`;
}

/**
 * Renders `children` for a signed-in borrower; anyone else goes to the sign-in screen and comes
 * back here afterwards.
 *
 * @example <SignedIn>{(token) => <LoansList />}</SignedIn>
 */
export function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession(portalSession);
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/**
 * A screen about one loan (`/loans/:id/…`): its title, the way back to the loan, and the body for
 * a signed-in borrower.
 *
 * @example <LoanScreen title={t('loans.payoff.title')}>{(id) => <Payoff id={id} />}</LoanScreen>
 */
export function LoanScreen({ title, children }: { title: string; children: (id: string) => ReactNode }) {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  return (
    <Page title={title} back={{ to: `/loans/${id}`, label: t('loans.backToLoan') }}>
      <SignedIn>{children(id)}</SignedIn>
    </Page>
  );
}

/** The plain-language text of a problem (or of a network failure). */
export function ProblemNotice({ error }: { error: unknown }) {
  const { t } = useTranslation('portal');
  return (
    <Notice kind="error">
      {t(errorKey(error instanceof ApiError ? error.code : 'unknown'), { ns: 'errors' })}
    </Notice>
  );
}

/** The display name of a payment channel (its id when the portal has no words for it). */
export function channelName(t: TFunction<'portal'>, id: string): string {
  const key = `loans.channels.${id}`;
  return t(key as 'loans.channels.sandbox-wallet', { defaultValue: id });
}

/** The parts of an amount (principal, interest, fees, penalties) as a short list. */
export function Parts({ amounts, testId }: { amounts: AmountDue['overdue']; testId?: string }) {
  const { t } = useTranslation('portal');
  return (
    <dl className="facts compact" data-testid={testId}>
      {componentParts(amounts).map(({ part, minor }) => (
        <div key={part}>
          <dt>{t(`loans.parts.${part}`)}</dt>
          <dd>{yuan(minor)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One loan with its schedule (`GET /loans/{id}`). */
export function useLoan(id: string) {
  return useQuery({
    queryKey: ['loan', id],
    queryFn: () => call(api.GET('/api/v1/loans/{id}', { params: { path: { id } } })),
  });
}

/** What is overdue and due next on a loan (`GET /loans/{id}/due`). */
export function useDue(id: string, enabled = true) {
  return useQuery({
    queryKey: ['loan', id, 'due'],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/due', { params: { path: { id } } })),
    enabled,
  });
}
