import { Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, Filters, yesNoOptions } from '../../components/Filters';
import { CreateLink, PageHead } from '../../components/PageHead';
import { PagedResults } from '../../components/PagedResults';
import { PolicyDocumentLink } from '../../components/PolicyDocumentLink';
import { useFilterParams, yesNoParam } from '../../components/useFilterParams';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { LaunchText } from '../components/LaunchText';
import { DOCUMENT_KINDS, isDocumentKind } from '../kinds';
import messages from '../messages';
import { newPolicyDocumentUrl } from '../urls';

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
  const { params, setParam } = useFilterParams();
  const kindParam = params.get('kind');
  const kind = isDocumentKind(kindParam) ? kindParam : null;
  const ministry = params.get('ministry') || null;
  const onOverview = yesNoParam(params.get('onOverview'));
  const paged = usePagedQuery(
    PolicyDocumentsPageQuery,
    { kind, ministry, onOverview, first: PAGE, after: null },
    (d) => d.policyDocuments,
    { additionalTypenames: ['PolicyDocument'] },
  );

  return (
    <>
      <ConsultationsNav />
      <PageHead title={t.documentsTitle}>
        <CreateLink to={newPolicyDocumentUrl()} label={t.newDocument} />
      </PageHead>
      <Paragraph>{t.documentsIntro}</Paragraph>
      <Filters label={t.filters}>
        <FilterSelect
          name="kind"
          label={t.filterKind}
          anyLabel={t.anyKind}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t[`docKind${k}`] }))}
        />
        <Textfield label={t.filterMinistry} value={ministry ?? ''} onChange={(e) => setParam('ministry', e.target.value)} />
        <FilterSelect
          name="onOverview"
          label={t.filterOnOverview}
          anyLabel={t.onOverviewAll}
          options={yesNoOptions(t.onOverviewYes, t.onOverviewNo)}
        />
      </Filters>
      <PagedResults paged={paged} empty={t.documentsEmpty} countText={t.documentsCount}>
        <DataTable
          testId="documents"
          caption={t.documentsCaption}
          columns={[t.colDocument, t.colKind, t.colMinistry, t.colLaunch, t.colOnOverview]}
        >
          {paged.nodes.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>
                <PolicyDocumentLink document={d} />
              </Table.Cell>
              <Table.Cell>{t[`docKind${d.kind}`]}</Table.Cell>
              <Table.Cell>{d.ministry}</Table.Cell>
              <Table.Cell>
                <LaunchText launch={d.launch} />
              </Table.Cell>
              <Table.Cell>{d.onOverview && d.overviewPosition ? t.onOverviewPosition(d.overviewPosition) : t.notOnOverview}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </PagedResults>
    </>
  );
}
