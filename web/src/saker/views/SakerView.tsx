// Saker: find a sak by its number ("19/2/2026", "16/2/25") or by words of its title, and
// the agenda of the latest meetings at hand.
import '../../meetings/work.css';
import { Heading, Paragraph, Search } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { meetingUrl } from '../../meetings/urls';
import messages from '../messages';
import { SakByCodeQuery } from '../sakByCode';
import { looksLikeSakCode, sakPageUrl, stripSakPrefix } from '../urls';

const SakerIndexQuery = graphql(`
  query SakerIndex {
    meetings(first: 40) {
      nodes {
        id
        code
        saker {
          id
          code
          title
          position
        }
      }
    }
  }
`);

const SakerSearchQuery = graphql(`
  query SakerSearch($text: String!) {
    search(text: $text, first: 50) {
      kind
      sak {
        id
        code
        title
      }
    }
  }
`);

function Results({ q }: { q: string }) {
  const t = useMessages(messages);
  const byCode = looksLikeSakCode(q);
  const [lookup] = useQuery({ query: SakByCodeQuery, variables: { code: stripSakPrefix(q) }, pause: !byCode });
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SakerIndexQuery, pause: Boolean(q) });
  const [found] = useQuery({ query: SakerSearchQuery, variables: { text: q.slice(0, 200) }, pause: !q || byCode });
  if (byCode && lookup.data?.sak) {
    return (
      <Paragraph>
        <RouterLink to={sakPageUrl(lookup.data.sak.code)}>{t.sakCode(lookup.data.sak.code)}</RouterLink>
      </Paragraph>
    );
  }
  if (q) {
    const busy = byCode ? lookup.fetching : found.fetching;
    const failed = byCode ? lookup.error : found.error;
    if (busy && !(byCode ? lookup.data : found.data)) return <Loading />;
    if (failed && !errorCodes(failed).has('NOT_FOUND')) return <ErrorState error={failed} />;
    const hits = byCode ? [] : (found.data?.search ?? []).flatMap((h) => (h.sak ? [h.sak] : []));
    const matches = hits.filter((s, i) => hits.findIndex((x) => x.id === s.id) === i);
    if (matches.length === 0) return <EmptyState>{t.noSakFound(q)}</EmptyState>;
    return (
      <ul className="plain-list" data-testid="sak-results">
        {matches.slice(0, 50).map((s) => (
          <li key={s.id}>
            <RouterLink to={sakPageUrl(s.code)}>{t.refLink(s.code, s.title)}</RouterLink>
          </li>
        ))}
      </ul>
    );
  }
  // No search: the agendas of the latest meetings.
  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const meetings = data?.meetings.nodes ?? [];
  if (meetings.length === 0) return <EmptyState>{t.noSakerYet}</EmptyState>;
  return (
    <div className="stack">
      {meetings.slice(0, 3).map((m) => (
        <section key={m.id} aria-labelledby={`saker-${m.id}`}>
          <Heading level={2} data-size="xs" id={`saker-${m.id}`}>
            <RouterLink to={meetingUrl(m.code)}>{t.meetingAgenda(m.code)}</RouterLink>
          </Heading>
          <ul className="plain-list">
            {[...m.saker]
              .sort((a, b) => a.position - b.position)
              .map((s) => (
                <li key={s.id}>
                  <RouterLink to={sakPageUrl(s.code)}>{t.refLink(s.code, s.title)}</RouterLink>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export default function SakerView() {
  const t = useMessages(messages);
  usePageTitle(t.sakerTitle);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(text.trim() ? `/saker?q=${encodeURIComponent(text.trim())}` : '/saker');
  }

  return (
    <div className="stack narrow-wide">
      <Heading level={1} data-size="lg">
        {t.sakerTitle}
      </Heading>
      <Paragraph>{t.sakerIntro}</Paragraph>
      <form role="search" aria-label={t.sakerSearch} onSubmit={submit}>
        <label className="ds-label" htmlFor="saker-q">
          {t.findSakByNumber}
        </label>
        <Search>
          <Search.Input id="saker-q" value={text} onChange={(e) => setText(e.target.value)} />
          <Search.Button>{t.search}</Search.Button>
        </Search>
      </form>
      <Results key={q} q={q} />
    </div>
  );
}
