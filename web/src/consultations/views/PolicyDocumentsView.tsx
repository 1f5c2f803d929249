import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { PagedFooter } from '../../components/PagedFooter';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { LaunchText } from '../components/LaunchText';
import { DOCUMENT_KINDS, isDocumentKind } from '../kinds';
import messages from '../messages';
import { newPolicyDocumentUrl, policyDocumentUrl } from '../urls';

const PAGE = 50;

const PolicyDocumentsPageQuery = graphql(`
  query PolicyDocumentsPage($kind: PolicyDocumentKind, $ministry: String, $onOverview: Boolean, $first: Int!, $after: String) {
    policyDocuments(kind: $kind, ministry: $ministry, onOverview: $onOverview, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          reference
          title
          ministry
          onOverview
          overviewPosition
          launch {
            ...LaunchText_Launch
          }
        }
      }
    }
  }
`);

/** Every policy document, newest launch first, those off the overview included. */
export default function PolicyDocumentsView() {
  const t = useMessages(messages);
  usePageTitle(t.documentsTitle);
  const state = useSessionState();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isDocumentKind(kindParam) ? kindParam : null;
  const ministry = params.get('ministry') || null;
  const onOverviewParam = params.get('onOverview');
  const onOverview = onOverviewParam === 'yes' ? true : onOverviewParam === 'no' ? false : null;
  const paged = usePagedQuery(
    PolicyDocumentsPageQuery,
    { kind, ministry, onOverview, first: PAGE, after: null },
    (d) => d.policyDocuments,
    { additionalTypenames: ['PolicyDocument'] },
  );

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <ConsultationsNav />
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t.documentsTitle}
        </Heading>
        {allows(['SECRETARIAT'], state) && (
          <Button asChild variant="secondary">
            <RouterLink to={newPolicyDocumentUrl()}>{t.newDocument}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t.documentsIntro}</Paragraph>
      <div className="filters" role="group" aria-label={t.filters}>
        <Field>
          <Label>{t.filterKind}</Label>
          <Select value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value)} width="auto">
            <Select.Option value="">{t.anyKind}</Select.Option>
            {DOCUMENT_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`docKind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t.filterMinistry} value={ministry ?? ''} onChange={(e) => setParam('ministry', e.target.value)} />
        <Field>
          <Label>{t.filterOnOverview}</Label>
          <Select value={onOverviewParam ?? ''} onChange={(e) => setParam('onOverview', e.target.value)} width="auto">
            <Select.Option value="">{t.onOverviewAll}</Select.Option>
            <Select.Option value="yes">{t.onOverviewYes}</Select.Option>
            <Select.Option value="no">{t.onOverviewNo}</Select.Option>
          </Select>
        </Field>
      </div>
      {paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorState error={paged.error} onRetry={paged.retry} />
      ) : paged.totalCount === 0 ? (
        <EmptyState>{t.documentsEmpty}</EmptyState>
      ) : (
        <div className="stack">
          <div className="table-scroll">
            <Table zebra data-testid="documents">
              <caption className="ds-sr-only">{t.documentsCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.colDocument}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colKind}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colMinistry}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colLaunch}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colOnOverview}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {paged.nodes.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>
                      <RouterLink to={policyDocumentUrl(d.id)}>{d.reference ? `${d.reference} ${d.title}` : d.title}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{t[`docKind${d.kind}`]}</Table.Cell>
                    <Table.Cell>{d.ministry}</Table.Cell>
                    <Table.Cell>
                      <LaunchText launch={d.launch} />
                    </Table.Cell>
                    <Table.Cell>{d.onOverview && d.overviewPosition ? t.onOverviewPosition(d.overviewPosition) : t.notOnOverview}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <PagedFooter paged={paged} countText={t.documentsCount} />
        </div>
      )}
    </>
  );
}
