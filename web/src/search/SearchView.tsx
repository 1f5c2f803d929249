import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionState } from '../auth/SessionProvider';
import { RouterLink } from '../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { graphql } from '../gql';
import type { SearchHitKind, SearchQuery as SearchData } from '../gql/graphql';
import { usePagedQuery } from '../components/usePagedQuery';
import { personUrl } from '../people/urls';
import { useMessages } from '../i18n/LanguageProvider';
import { policyDocumentUrl } from '../consultations/urls';
import { meetingUrl } from '../meetings/urls';
import { SakByCodeQuery } from '../saker/sakByCode';
import { sakPageUrl } from '../saker/urls';
import { parseMeetingCode, parseSakCode } from './codes';
import { mayShowMore, SEARCH_LIMIT, searchPage } from './paging';
import { Highlighted } from './Highlighted';
import messages from './messages';

const PAGE_SIZE = 50;
const MAX_LENGTH = 200;

const SearchQuery = graphql(`
  query Search($text: String!, $first: Int!, $after: String) {
    search(text: $text, first: $first, after: $after) {
      kind
      rank
      title
      snippet
      cursor
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
      person {
        id
        name
      }
      organisation {
        id
        name
      }
    }
  }
`);

const selectHits = (data: SearchData) => searchPage(data.search, PAGE_SIZE);

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

/** Ranked hits with the matching words marked, each opening its sak, document or person. */
function Results({ text }: { text: string }) {
  const t = useMessages(messages);
  const state = useSessionState();
  const paged = usePagedQuery(SearchQuery, { text, first: PAGE_SIZE }, selectHits);
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorState error={paged.error} onRetry={paged.retry} />;
  const hits = paged.nodes;
  const more = mayShowMore(hits.length, paged.hasNext);
  return (
    <section aria-labelledby="hits-h" className="stack">
      <Heading level={2} data-size="sm" id="hits-h">
        {t.resultsHeading}
      </Heading>
      <Paragraph data-size="sm" role="status">
        {t.hits(hits.length)}
        {hits.length >= SEARCH_LIMIT && ` ${t.moreHits(SEARCH_LIMIT)}`}
      </Paragraph>
      {hits.length === 0 ? (
        <EmptyState>
          {t.noHits(text)} {state.status === 'anonymous' && t.noHitsPublic}
        </EmptyState>
      ) : (
        <ol className="search-results" data-testid="search-results">
          {hits.map((hit) => {
            const { sak, policyDocument: doc, person } = hit;
            const title = <Highlighted html={hit.title} />;
            return (
              <li key={hit.cursor}>
                <Heading level={3} data-size="xs">
                  {sak ? (
                    <RouterLink to={sakPageUrl(sak.code)}>
                      {t.sakLink(sak.code, '')}
                      {title}
                    </RouterLink>
                  ) : doc ? (
                    <RouterLink to={policyDocumentUrl(doc.id)}>{title}</RouterLink>
                  ) : person ? (
                    <RouterLink to={personUrl(person.id)}>{title}</RouterLink>
                  ) : (
                    // Organisations have no page of their own, only the secretariat's list.
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
      {paged.moreError && <ErrorState error={paged.moreError} onRetry={paged.loadMore} />}
      {more && (
        <div>
          <Button variant="secondary" onClick={paged.loadMore} loading={paged.loadingMore} disabled={paged.loadingMore}>
            {t.showMore}
          </Button>
        </div>
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
