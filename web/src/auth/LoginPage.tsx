import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginError, type LoginFailure } from '../api/session';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../components/usePageTitle';
import { useMessages } from '../i18n/LanguageProvider';
import { meetingsUrl } from '../meetings/urls';
import messages from './messages';
import { useSession, useSessionState } from './SessionProvider';
import { safeNext } from './urls';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

export default function LoginPage() {
  const t = useMessages(messages);
  usePageTitle(t.loginTitle);
  const session = useSession();
  const state = useSessionState();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // Each failed attempt mounts a new summary, which focuses itself.
  const [attempt, setAttempt] = useState(0);
  const failureRef = useRef<HTMLDivElement>(null);

  if (state.status === 'authenticated' && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t.emailMissing;
    if (!password) errors.password = t.passwordMissing;
    setFieldErrors(errors);
    setFailure(null);
    if (Object.keys(errors).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await session.login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setFailure(e instanceof LoginError ? e.code : 'INTERNAL');
      setPassword('');
      requestAnimationFrame(() => failureRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const errorList = Object.entries(fieldErrors) as [keyof FieldErrors, string][];

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t.loginTitle}
      </Heading>
      <Paragraph>{t.loginIntro}</Paragraph>
      {errorList.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t.errorSummary}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errorList.map(([field, text]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#login-${field}`}>{text}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {failure && (
        <Alert data-color="danger" ref={failureRef} tabIndex={-1}>
          <Paragraph>{t[failure]}</Paragraph>
        </Alert>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          id="login-email"
          label={t.email}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
          required
        />
        <Textfield
          id="login-password"
          label={t.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          required
        />
        <div>
          <Button type="submit" loading={busy} disabled={busy}>
            {busy ? t.submitting : t.submit}
          </Button>
        </div>
      </form>
      <Paragraph>
        {t.publicHint} <RouterLink to={meetingsUrl()}>{t.toPublicMeetings}</RouterLink>
      </Paragraph>
    </div>
  );
}
