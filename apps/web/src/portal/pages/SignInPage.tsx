import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { call } from '../../api/client.ts';
import type { ProblemMapping } from '../../api/problem.ts';
import { useSession } from '../../api/session.ts';
import { maskPhone, toE164 } from '../../shared/format.ts';
import { Page } from '../components/Shell.tsx';
import { Button, Notice, TextField } from '../components/ui.tsx';
import { api, portalSession } from '../context.ts';
import { usePortalProblems } from '../problems.ts';

/**
 * Borrower sign-in in two screens: the phone number (`POST /auth/otp` sends a code by text
 * message), then the six-digit code (`POST /auth/otp/verify` returns the token).
 */
export default function SignInPage() {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession(portalSession);
  const [phoneText, setPhoneText] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const phoneMapping = useMemo<ProblemMapping>(
    () => ({ fields: ['phone'], codes: { otp_too_many_requests: 'phone' } }),
    [],
  );
  const codeMapping = useMemo<ProblemMapping>(
    () => ({ fields: ['code'], codes: { otp_invalid: 'code' } }),
    [],
  );
  const phoneProblems = usePortalProblems(phoneMapping);
  const codeProblems = usePortalProblems(codeMapping);
  const ended = portalSession.lastEnd();
  const from = (location.state as { from?: string } | null)?.from ?? '/account';

  const sendCode = useMutation({
    mutationFn: (to: string) => call(api.POST('/api/v1/auth/otp', { body: { phone: to } })),
    onSuccess: (_data, to) => {
      setPhone(to);
      setCode('');
    },
    onError: phoneProblems.show,
  });
  const verify = useMutation({
    mutationFn: (body: { phone: string; code: string }) =>
      call(api.POST('/api/v1/auth/otp/verify', { body })),
    onSuccess: (token) => {
      portalSession.set({ token: token.accessToken, expiresAt: token.expiresAt });
      navigate(from, { replace: true });
    },
    onError: codeProblems.show,
  });

  if (session) return <Navigate to={from} replace />;

  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    phoneProblems.clear();
    const e164 = toE164(phoneText);
    if (!e164) {
      phoneProblems.setFields({ phone: t('signIn.phoneInvalid') });
      return;
    }
    sendCode.mutate(e164);
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    codeProblems.clear();
    if (!/^\d{6}$/.test(code.trim())) {
      codeProblems.setFields({ code: t('signIn.codeInvalid') });
      return;
    }
    if (phone) verify.mutate({ phone, code: code.trim() });
  };

  return (
    <Page title={t('signIn.title')}>
      {ended === 'expired' && <Notice kind="info">{t('account.expired')}</Notice>}
      {ended === 'signed_out' && <Notice kind="info">{t('account.signedOut')}</Notice>}
      {phone === null ? (
        <form onSubmit={submitPhone} noValidate>
          <h2>{t('signIn.phoneHeading')}</h2>
          {phoneProblems.banner && <Notice kind="error">{phoneProblems.banner}</Notice>}
          <TextField
            label={t('signIn.phone')}
            hint={t('signIn.phoneHint')}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phoneText}
            onChange={(e) => setPhoneText(e.target.value)}
            error={phoneProblems.fields.phone}
          />
          <Button type="submit" busy={sendCode.isPending}>
            {t('signIn.sendCode')}
          </Button>
        </form>
      ) : (
        <form onSubmit={submitCode} noValidate>
          <h2>{t('signIn.codeHeading')}</h2>
          <Notice kind="info">{t('signIn.sentTo', { phone: maskPhone(phone) })}</Notice>
          {codeProblems.banner && <Notice kind="error">{codeProblems.banner}</Notice>}
          <TextField
            label={t('signIn.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            error={codeProblems.fields.code}
          />
          <Button type="submit" busy={verify.isPending}>
            {t('signIn.submit')}
          </Button>
          <div className="actions">
            <Button variant="secondary" busy={sendCode.isPending} onClick={() => sendCode.mutate(phone)}>
              {t('signIn.resend')}
            </Button>
            <Button
              variant="link"
              onClick={() => {
                setPhone(null);
                codeProblems.clear();
              }}
            >
              {t('signIn.changePhone')}
            </Button>
          </div>
        </form>
      )}
      <Notice kind="warning">{t('signIn.safety')}</Notice>
    </Page>
  );
}
