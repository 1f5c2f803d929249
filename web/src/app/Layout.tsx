import { Button, Dropdown, Paragraph, Search, SkipLink } from '@digdir/designsystemet-react';
import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { adminUrl, apiTokensUrl } from '../admin/urls';
import { allows, type Audience } from '../auth/access';
import { useSession, useSessionState } from '../auth/SessionProvider';
import { loginUrl } from '../auth/urls';
import { Loading } from '../components/states';
import { useLang, useMessages } from '../i18n/LanguageProvider';
import { meetingsUrl } from '../meetings/urls';
import { overviewUrl } from '../consultations/urls';
import { memberPageUrl } from '../member/urls';
import { councilUrl } from '../people/urls';
import { useCouncilNames } from '../people/useCouncilNames';
import { annualReportUrl } from '../reports/urls';
import { workingGroupsUrl } from '../working_groups/urls';
import { sakerUrl } from '../saker/urls';
import { searchUrl } from '../search/urls';
import messages from './messages';

type NavKey =
  | 'navOverview'
  | 'navMeetings'
  | 'navSaker'
  | 'navPeople'
  | 'navWorkingGroups'
  | 'navConsultations'
  | 'navAnnualReport'
  | 'navMy'
  | 'navAdmin';

const NAV: { key: NavKey; to: string; audience: Audience; end?: boolean }[] = [
  { key: 'navOverview', to: '/', audience: 'public', end: true },
  { key: 'navMeetings', to: meetingsUrl(), audience: 'public' },
  { key: 'navSaker', to: sakerUrl(), audience: 'public' },
  { key: 'navPeople', to: councilUrl(), audience: 'public' },
  { key: 'navWorkingGroups', to: workingGroupsUrl(), audience: 'public' },
  { key: 'navConsultations', to: overviewUrl(), audience: 'public' },
  { key: 'navAnnualReport', to: annualReportUrl(), audience: 'user' },
  { key: 'navMy', to: memberPageUrl(), audience: ['MEMBER'] },
  { key: 'navAdmin', to: adminUrl(), audience: ['SECRETARIAT'] },
];

function SearchForm() {
  const location = useLocation();
  const [params] = useSearchParams();
  // The field shows the current search, and starts afresh when the address changes.
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  return <SearchField key={current} initial={current} />;
}

function SearchField({ initial }: { initial: string }) {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const [query, setQuery] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(searchUrl(query));
  }

  return (
    <form role="search" className="shell-search" onSubmit={submit}>
      <Search data-sr-clear={t.clearSearch}>
        <Search.Input
          aria-label={t.searchLabel}
          name="q"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Search.Clear onClick={() => setQuery('')} />
        <Search.Button>{t.searchButton}</Search.Button>
      </Search>
    </form>
  );
}

function AccountMenu() {
  const t = useMessages(messages);
  const state = useSessionState();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (state.status === 'unknown') return null;
  if (state.status === 'anonymous') {
    const here = location.pathname === '/login' ? undefined : location.pathname + location.search;
    return (
      <Button asChild variant="secondary" data-size="sm">
        <Link to={loginUrl(here)}>{t.logIn}</Link>
      </Button>
    );
  }
  const role = t[`role${state.user.role}`];
  async function logout(everywhere: boolean) {
    await session.logout(everywhere);
    navigate('/', { replace: true });
  }
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant="secondary" data-size="sm" data-testid="account-menu">
        {state.user.name}
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" data-size="sm">
        <Dropdown.Heading>{t.loggedInAs(state.user.name, role)}</Dropdown.Heading>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <Link to={apiTokensUrl()}>{t.apiTokens}</Link>
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => logout(false)}>{t.logOut}</Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => logout(true)}>{t.logOutEverywhere}</Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}

function LanguageSwitch() {
  const t = useMessages(messages);
  const { lang, setLang } = useLang();
  const other = lang === 'nb' ? 'en' : 'nb';
  return (
    <Button variant="tertiary" data-size="sm" lang={other} onClick={() => setLang(other)}>
      {t.switchLanguage}
    </Button>
  );
}

export function Layout() {
  const t = useMessages(messages);
  const state = useSessionState();
  const location = useLocation();
  const council = useCouncilNames();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, start reading at the new page (not at the old link).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!location.hash) mainRef.current?.focus();
  }, [location.pathname, location.hash]);

  return (
    <div className="shell">
      <SkipLink href="#main">{t.skipToContent}</SkipLink>
      <header className="shell-header">
        <div className="shell-header__top">
          <Link to="/" className="shell-brand">
            {council && <span className="shell-brand__council">{council.name}</span>}
            <span className="shell-brand__app">{t.appName}</span>
          </Link>
          <SearchForm />
          <div className="shell-header__tools">
            <LanguageSwitch />
            <AccountMenu />
          </div>
        </div>
        <nav aria-label={t.mainNavigation} className="shell-nav">
          <ul>
            {NAV.filter((item) => allows(item.audience, state)).map((item) => (
              <li key={item.key}>
                <NavLink to={item.to} end={item.end}>
                  {t[item.key]}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="shell-main">
        {/* Until the session is known, screens would fetch as the public and then again. */}
        {state.status === 'unknown' ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
      <footer className="shell-footer">
        <Paragraph data-size="sm">{t.footer(council?.name ?? null, council?.secretariatOrganisation ?? null)}</Paragraph>
      </footer>
    </div>
  );
}
