import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { Fact } from '../../components/Fact';
import { ListSection } from '../../components/ListSection';
import { NotFound } from '../../components/NotFound';
import { PageHead } from '../../components/PageHead';
import { Prose } from '../../components/Prose';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, LiveNotice, Loading } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { usePageTitle } from '../../components/usePageTitle';
import { getFragmentData, graphql } from '../../gql';
import type { PolicyDocumentPageQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { sakPageUrl } from '../../saker/urls';
import { GroupTable } from '../../working_groups/components/GroupRows';
import { newWorkingGroupUrl } from '../../working_groups/urls';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { DocumentForm, documentInput, type DocumentValues } from '../components/DocumentForm';
import { LaunchText } from '../components/LaunchText';
import { RoundForm, RoundFormFragment } from '../components/RoundForm';
import { RoundFragment, RoundSummary } from '../components/RoundSummary';
import { documentName } from '../kinds';
import messages from '../messages';
import { overviewUrl } from '../urls';

const PolicyDocumentPageQuery = graphql(`
  query PolicyDocumentPage($id: ID!) {
    policyDocument(id: $id) {
      id
      kind
      reference
      title
      ministry
      url
      summary
      followUpProposal
      decision
      onOverview
      overviewPosition
      version
      launch {
        date
        text
        ...LaunchText_Launch
      }
      decidedInSak {
        id
        code
        title
      }
      consultationRounds {
        id
        consultationDays
        responseUrl
        ...RoundSummary_Round
        ...RoundForm_Round
      }
      workingGroups {
        id
        ...GroupRows_Group
      }
    }
  }
`);

const UpdateDocumentMutation = graphql(`
  mutation UpdatePolicyDocument($input: UpdatePolicyDocumentInput!) {
    updatePolicyDocument(input: $input) {
      id
      kind
      reference
      title
      ministry
      url
      summary
      followUpProposal
      decision
      version
      launch {
        date
        text
        sortDate
        precision
        postponed
      }
      decidedInSak {
        id
        code
        title
      }
    }
  }
`);

const SetOnOverviewMutation = graphql(`
  mutation SetPolicyDocumentOnOverview($id: ID!, $version: Int!, $onOverview: Boolean!) {
    setPolicyDocumentOnOverview(id: $id, version: $version, onOverview: $onOverview) {
      id
      onOverview
      overviewPosition
      version
    }
  }
`);

// Lists that may be empty name their types, so that adding to them refreshes the page.
const documentContext = { additionalTypenames: ['ConsultationRound', 'WorkingGroup'] };

type Doc = NonNullable<PolicyDocumentPageQuery['policyDocument']>;

const valuesOf = (d: Doc): DocumentValues => ({
  kind: d.kind,
  reference: d.reference ?? '',
  title: d.title,
  ministry: d.ministry ?? '',
  url: d.url ?? '',
  summary: d.summary ?? '',
  launchDate: d.launch.date ?? '',
  launchText: d.launch.text ?? '',
  followUpProposal: d.followUpProposal ?? '',
  decision: d.decision ?? '',
});

type Editing = { mode: 'document' } | { mode: 'round'; id: string | null } | null;

export default function PolicyDocumentView() {
  const t = useMessages(messages);
  const { id = '' } = useParams();
  const state = useSessionState();
  const client = useClient();
  const canEdit = allows(['SECRETARIAT'], state);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PolicyDocumentPageQuery, variables: { id }, context: documentContext });
  const fetchLatest = useCallback(
    () => client.query(PolicyDocumentPageQuery, { id }, { requestPolicy: 'network-only' }).toPromise(),
    [client, id],
  );
  const conflict = useConflict(fetchLatest);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, update] = useMutation(UpdateDocumentMutation);
  const [toggled, setOnOverview] = useMutation(SetOnOverviewMutation);
  const doc = data?.policyDocument;
  usePageTitle(doc?.title ?? t.documentNotFound);

  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND') || errorCodes(error).has('VALIDATION')) return <DocumentNotFound />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!doc) return <DocumentNotFound />;

  const rounds = doc.consultationRounds.map((r) => getFragmentData(RoundFragment, r));
  const editedRound =
    editing?.mode === 'round' && editing.id
      ? (doc.consultationRounds.map((r) => getFragmentData(RoundFormFragment, r)).find((r) => r.id === editing.id) ?? null)
      : null;
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
  };

  async function toggleOverview(d: Doc) {
    setNotice(null);
    const response = await setOnOverview({ id: d.id, version: d.version, onOverview: !d.onOverview });
    if (!response.error) setNotice(d.onOverview ? t.takenOff : t.putBackDone);
    else if (errorCodes(response.error).has('CONFLICT')) await fetchLatest();
  }

  return (
    <article className="stack" data-testid="policy-document">
      <ConsultationsNav />
      <PageHead title={documentName(doc)}>
        {canEdit && editing?.mode !== 'document' && (
          <div className="button-row">
            <Button variant="secondary" onClick={() => setEditing({ mode: 'document' })}>
              {t.editDocument}
            </Button>
            <Button variant="secondary" onClick={() => toggleOverview(doc)} loading={toggled.fetching} disabled={toggled.fetching}>
              {doc.onOverview ? t.takeOff : t.putBack}
            </Button>
          </div>
        )}
      </PageHead>
      <LiveNotice notice={notice} />
      {toggled.error && !errorCodes(toggled.error).has('CONFLICT') && <ErrorState error={toggled.error} />}
      {editing?.mode === 'document' ? (
        <DocumentForm
          heading={t.editDocumentHeading}
          initial={valuesOf(doc)}
          latest={valuesOf(doc)}
          decidedInSakCode={doc.decidedInSak?.code}
          submitLabel={t.editDocument}
          error={saved.error}
          saving={saved.fetching}
          conflict={conflict}
          onCancel={() => {
            conflict.end();
            setEditing(null);
          }}
          onSubmit={async ({ values, decidedInSakId }) => {
            const response = await update({
              input: {
                id: doc.id,
                version: doc.version,
                ...documentInput(values),
                ...(decidedInSakId !== undefined ? { decidedInSakId } : {}),
              },
            });
            if (!response.error) {
              conflict.end();
              done(t.documentSaved);
            } else if (errorCodes(response.error).has('CONFLICT')) {
              void conflict.begin();
            }
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <Fact label={t.kind}>{t[`docKind${doc.kind}`]}</Fact>
            {doc.ministry && <Fact label={t.ministry}>{doc.ministry}</Fact>}
            <Fact label={t.launch}>
              <LaunchText launch={doc.launch} />
            </Fact>
            <Fact label={t.onOverview}>
              {doc.onOverview && doc.overviewPosition ? t.onOverviewPosition(doc.overviewPosition) : t.notOnOverview}
            </Fact>
            {doc.decidedInSak && (
              <Fact label={t.decidedIn}>
                <RouterLink to={sakPageUrl(doc.decidedInSak.code)}>{`Sak ${doc.decidedInSak.code} ${doc.decidedInSak.title}`}</RouterLink>
              </Fact>
            )}
            {doc.url && (
              <Fact label={t.url}>
                <Link href={doc.url} rel="noopener noreferrer">
                  {doc.url}
                </Link>
              </Fact>
            )}
          </dl>
          {doc.summary && (
            <section aria-labelledby="summary-h">
              <Heading level={2} data-size="sm" id="summary-h">
                {t.summary}
              </Heading>
              <Prose text={doc.summary} />
            </section>
          )}
          {(doc.followUpProposal || doc.decision) && (
            <section aria-labelledby="followup-h">
              <Heading level={2} data-size="sm" id="followup-h">
                {t.followUpProposal}
              </Heading>
              {doc.followUpProposal && <Prose text={doc.followUpProposal} />}
              {doc.decision && (
                <>
                  <Heading level={3} data-size="2xs">
                    {t.decision}
                  </Heading>
                  <Prose text={doc.decision} />
                </>
              )}
            </section>
          )}
        </>
      )}
      <ListSection
        id="rounds"
        title={t.roundsHeading}
        add={
          canEdit
            ? {
                label: t.addRound,
                expanded: editing?.mode === 'round' && editing.id === null,
                onClick: () => setEditing({ mode: 'round', id: null }),
              }
            : undefined
        }
      >
        {editing?.mode === 'round' && editing.id === null && (
          <RoundForm documentId={doc.id} round={null} fetchLatest={fetchLatest} onCancel={() => setEditing(null)} onDone={() => done(t.roundSaved)} />
        )}
        {rounds.length === 0 ? (
          <EmptyState>{t.roundsEmpty}</EmptyState>
        ) : (
          <ul className="round-list details-list" data-testid="rounds">
            {doc.consultationRounds.map((masked, i) => {
              const r = rounds[i]!;
              const raw = doc.consultationRounds[i]!;
              const name = t[`kind${r.kind}`].toLowerCase();
              return (
                <li key={r.id} className="form">
                  <RoundSummary round={masked} />
                  {raw.responseUrl && (
                    <Paragraph data-size="sm">
                      <Link href={raw.responseUrl} rel="noopener noreferrer">
                        {t.responseUrl}
                      </Link>
                    </Paragraph>
                  )}
                  {raw.consultationDays !== null && raw.consultationDays !== undefined && (
                    <Paragraph data-size="sm" className="muted">
                      {t.consultationDays(raw.consultationDays)}
                    </Paragraph>
                  )}
                  {canEdit && (
                    <div className="button-row">
                      <Button variant="tertiary" data-size="sm" aria-label={t.editRoundLabel(name)} onClick={() => setEditing({ mode: 'round', id: r.id })}>
                        {t.editRound}
                      </Button>
                      {!r.workingGroup && r.open && (
                        <Button asChild variant="tertiary" data-size="sm">
                          <RouterLink to={newWorkingGroupUrl({ roundId: r.id, documentId: doc.id })} aria-label={t.newGroupForRoundLabel(name)}>
                            {t.newGroupForRound}
                          </RouterLink>
                        </Button>
                      )}
                    </div>
                  )}
                  {editedRound?.id === r.id && (
                    <RoundForm
                      key={r.id}
                      documentId={doc.id}
                      round={editedRound}
                      fetchLatest={fetchLatest}
                      onCancel={() => setEditing(null)}
                      onDone={() => done(t.roundSaved)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </ListSection>
      <section aria-labelledby="groups-h" className="stack">
        <Heading level={2} data-size="sm" id="groups-h">
          {t.groupsHeading}
        </Heading>
        {doc.workingGroups.length === 0 ? <EmptyState>{t.noGroups}</EmptyState> : <GroupTable caption={t.groupsHeading} groups={doc.workingGroups} />}
      </section>
    </article>
  );
}

function DocumentNotFound() {
  const t = useMessages(messages);
  return (
    <NotFound
      title={t.documentNotFound}
      text={t.documentNotFoundText}
      backTo={overviewUrl()}
      backLabel={t.backToOverview}
      testId="document-not-found"
    />
  );
}
