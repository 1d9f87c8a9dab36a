import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Shell } from './components/Shell.tsx';
import { i18n, queryClient } from './context.ts';
import { HomePage } from './pages/HomePage.tsx';

// The first screen (HomePage) ships with the entry; every other screen is its own chunk.
const SignInPage = lazy(() => import('./pages/SignInPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const LearnPage = lazy(() => import('./pages/LearnPage.tsx'));
const LearnTopicPage = lazy(() => import('./pages/LearnTopicPage.tsx'));
const CalculatorPage = lazy(() => import('./pages/CalculatorPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const LoansPage = lazy(() => import('./pages/loans/LoansPage.tsx'));
const LoanPage = lazy(() => import('./pages/loans/LoanPage.tsx'));
const SchedulePage = lazy(() => import('./pages/loans/SchedulePage.tsx'));
const HistoryPage = lazy(() => import('./pages/loans/HistoryPage.tsx'));
const PayoffPage = lazy(() => import('./pages/loans/PayoffPage.tsx'));
const PayPage = lazy(() => import('./pages/loans/PayPage.tsx'));

function Loading() {
  const { t } = useTranslation('portal');
  return (
    <p className="page" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

/** The borrower portal at /portal: plain language, mobile first, no component library. */
export function PortalApp() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/portal">
          <Shell>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route index element={<HomePage />} />
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="loans" element={<LoansPage />} />
                <Route path="loans/:id" element={<LoanPage />} />
                <Route path="loans/:id/schedule" element={<SchedulePage />} />
                <Route path="loans/:id/history" element={<HistoryPage />} />
                <Route path="loans/:id/payoff" element={<PayoffPage />} />
                <Route path="loans/:id/pay" element={<PayPage />} />
                <Route path="learn" element={<LearnPage />} />
                <Route path="learn/:topic" element={<LearnTopicPage />} />
                <Route path="calculator" element={<CalculatorPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </Shell>
        </BrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
