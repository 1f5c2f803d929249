import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionState } from '../auth/SessionProvider';
import { RouterLink } from '../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { graphql } from '../gql';
import type { SearchHitKind } from '../gql/graphql';
import { useMessages } from '../i18n/LanguageProvider';
import { policyDocumentUrl } from '../consultations/urls';
import { meetingUrl } from '../meetings/urls';
import { sakPageUrl } from '../saker/urls';
import { parseMeetingCode, parseSakCode } from './codes';
import { Highlighted } from './Highlighted';
import messages from './messages';

const MAX_HITS = 50;
const MAX_LENGTH = 200;

const SakByCodeQuery = graphql(`
  query SakByCode($code: String!) {
    sak(code: $code) {
      id
      code
      title
    }
  }
`);

const SearchQuery = graphql(`
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      kind
      rank
      title
      snippet
      sak {
        id
        code
        meeting {
          id
          code
        }
      }
      policyDocument {
        id
        reference
        title
      }
      consultationRound {
        id
      }
    }
  }
`);

/** Looks a typed sak number up; the API says whether it exists for this viewer. */
function SakLookup({ code }: { code: string }) {
  const t = useMessages(messages);
  const [{ data, fetching }] = useQuery({ query: SakByCodeQuery, variables: { code } });
  if (!data && fetching) return <Loading />;
  const sak = data?.sak;
  if (!sak) return <Paragraph>{t.sakNotFound(code)}</Paragraph>;
  return (
    <Paragraph>
      {t.sakFound}: <RouterLink to={sakPageUrl(sak.code)}>{t.sakLink(sak.code, sak.title)}</RouterLink>
    </Paragraph>
  );
}

function kindLabel(t: (typeof messages)['nb'], kind: SearchHitKind): string {
  const key = `kind${kind}`;
  return key in t ? (t[key as keyof typeof t] as string) : t.kindOTHER;
}

/** Ranked hits with the matching words marked, each opening its sak or document. */
function Results({ text }: { text: string }) {
  const t = useMessages(messages);
  const state = useSessionState();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SearchQuery, variables: { text, first: MAX_HITS } });
  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const hits = data?.search ?? [];
  return (
    <section aria-labelledby="hits-h" className="stack">
      <Heading level={2} data-size="sm" id="hits-h">
        {t.resultsHeading}
      </Heading>
      <Paragraph data-size="sm" role="status">
        {t.hits(hits.length)}
        {hits.length >= MAX_HITS && ` ${t.moreHits(MAX_HITS)}`}
      </Paragraph>
      {hits.length === 0 ? (
        <EmptyState>
          {t.noHits(text)} {state.status === 'anonymous' && t.noHitsPublic}
        </EmptyState>
      ) : (
        <ol className="search-results" data-testid="search-results">
          {hits.map((hit, i) => {
            const { sak, policyDocument: doc } = hit;
            const title = <Highlighted html={hit.title} />;
            return (
              <li key={`${hit.kind}-${sak?.id ?? hit.consultationRound?.id ?? doc?.id ?? i}`}>
                <Heading level={3} data-size="xs">
                  {sak ? (
                    <RouterLink to={sakPageUrl(sak.code)}>
                      {t.sakLink(sak.code, '')}
                      {title}
                    </RouterLink>
                  ) : doc ? (
                    <RouterLink to={policyDocumentUrl(doc.id)}>{title}</RouterLink>
                  ) : (
                    title
                  )}
                </Heading>
                <div className="tag-row">
                  <Tag data-size="sm" data-color="neutral">
                    {kindLabel(t, hit.kind)}
                  </Tag>
                  {sak?.meeting && (
                    <RouterLink to={meetingUrl(sak.meeting.code)}>{t.inMeeting(sak.meeting.code)}</RouterLink>
                  )}
                  {hit.kind === 'CONSULTATION_ROUND' && doc && (
                    <RouterLink to={policyDocumentUrl(doc.id)}>{t.documentLink(doc.reference ?? '', doc.title)}</RouterLink>
                  )}
                </div>
                {hit.snippet && (
                  <Paragraph data-size="sm">
                    <Highlighted html={hit.snippet} />
                  </Paragraph>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The search page: sak and meeting numbers are looked up; words go to the API's search. */
export default function SearchView() {
  const t = useMessages(messages);
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  usePageTitle(query ? t.resultsFor(query) : t.title);
  const sakCode = parseSakCode(query);
  const meetingCode = parseMeetingCode(query);
  const searchable = query && !sakCode && !meetingCode;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {query ? t.resultsFor(query) : t.title}
      </Heading>
      {!query && <Paragraph>{t.noQuery}</Paragraph>}
      {sakCode && <SakLookup code={sakCode} />}
      {meetingCode && (
        <Paragraph>
          {t.meetingFound}: <RouterLink to={meetingUrl(meetingCode)}>{t.meetingLink(meetingCode)}</RouterLink>
        </Paragraph>
      )}
      {searchable && query.length > MAX_LENGTH && (
        <Alert data-color="warning">
          <Paragraph>{t.tooLong}</Paragraph>
        </Alert>
      )}
      {searchable && query.length <= MAX_LENGTH && <Results key={query} text={query} />}
      <Paragraph data-size="sm" className="muted">
        {t.help}
      </Paragraph>
    </div>
  );
}
