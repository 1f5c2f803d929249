import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { errorCodes } from '../../api/errors';
import { FormConflict } from '../../components/EditConflict';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { DataTable, RowAction } from '../../components/DataTable';
import { PagedResults } from '../../components/PagedResults';
import { LiveNotice } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import type { OrganisationsPageQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { PeopleNav } from '../components/PeopleNav';
import messages from '../messages';

const PAGE = 50;

const OrganisationsPage = graphql(`
  query OrganisationsPage($first: Int!, $after: String) {
    organisations(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          shortName
          version
        }
      }
    }
  }
`);

const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      name
      shortName
      version
    }
  }
`);

const AddOrganisationMutation = graphql(`
  mutation AddOrganisation($input: OrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      shortName
      version
    }
  }
`);

type Organisation = OrganisationsPageQuery['organisations']['edges'][number]['node'];

function OrganisationForm({
  organisation,
  onDone,
  onCancel,
  fetchLatest,
}: {
  organisation: Organisation | null;
  onDone: (name: string) => void;
  onCancel?: () => void;
  fetchLatest: () => Promise<unknown>;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [name, setName] = useState(organisation?.name ?? '');
  const [shortName, setShortName] = useState(organisation?.shortName ?? '');
  const [missing, setMissing] = useState(false);
  const [updated, update] = useMutation(UpdateOrganisationMutation);
  const [added, add] = useMutation(AddOrganisationMutation);
  const result = organisation ? updated : added;
  const server = useServerErrors(result.error, { name: t.organisationMissing });
  const conflict = useConflict(fetchLatest);
  const prefix = organisation ? `org-${organisation.id}` : 'org-new';
  const heading = useRef<HTMLHeadingElement>(null);
  // Editing starts from a button in the table: take the reader to the form.
  const editing = organisation !== null;
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setMissing(!name.trim());
    if (!name.trim()) return;
    const input = { name: name.trim(), shortName: orNull(shortName) };
    const response = organisation
      ? await update({ input: { id: organisation.id, version: organisation.version, ...input } })
      : await add({ input });
    if (!response.error) {
      conflict.end();
      onDone(input.name);
      if (!organisation) {
        setName('');
        setShortName('');
      }
    } else if (errorCodes(response.error).has('CONFLICT')) {
      void conflict.begin();
    }
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-h`}>
      <Heading level={2} data-size="xs" id={`${prefix}-h`} ref={heading} tabIndex={-1}>
        {organisation ? t.renameHeading(organisation.name) : t.newOrganisationHeading}
      </Heading>
      <FormConflict
        conflict={conflict}
        latest={organisation}
        saving={result.fetching}
        fields={(saved) => [
          { label: t.name, mine: name, theirs: saved.name },
          { label: t.shortName, mine: shortName, theirs: saved.shortName ?? '' },
        ]}
        onKeepMine={() => submit()}
        onTakeTheirs={(saved) => {
          setName(saved.name);
          setShortName(saved.shortName ?? '');
        }}
      />
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <div className="field-row">
        <Textfield
          label={t.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={missing ? t.organisationMissing : server.fields.name}
          autoComplete="off"
        />
        <Textfield
          label={`${t.shortName} ${f.optional}`}
          description={t.shortNameDescription}
          value={shortName}
          onChange={(e) => setShortName(e.target.value)}
          error={server.fields.shortName}
          autoComplete="off"
        />
      </div>
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {organisation ? f.save : t.addOrganisation}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {f.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The organisations, for the secretariat to correct names and add new ones. */
export default function OrganisationsView() {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  usePageTitle(t.organisationsTitle);
  const client = useClient();
  const paged = usePagedQuery(OrganisationsPage, { first: PAGE, after: null }, (d) => d.organisations, {
    additionalTypenames: ['Organisation'],
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fetchLatest = useCallback(
    () => client.query(OrganisationsPage, { first: PAGE, after: null }, { requestPolicy: 'network-only' }).toPromise(),
    [client],
  );
  const target = paged.nodes.find((o) => o.id === editing) ?? null;
  const rename = (id: string) => {
    setNotice(null);
    setEditing(id);
  };

  return (
    <>
      <PeopleNav />
      <Heading level={1} data-size="lg">
        {t.organisationsTitle}
      </Heading>
      <Paragraph>{t.organisationsIntro}</Paragraph>
      <LiveNotice notice={notice} />
      <OrganisationForm organisation={null} fetchLatest={fetchLatest} onDone={(name) => setNotice(t.organisationAdded(name))} />
      {target && (
        <OrganisationForm
          key={target.id}
          organisation={target}
          fetchLatest={fetchLatest}
          onCancel={() => setEditing(null)}
          onDone={(name) => {
            setEditing(null);
            setNotice(t.organisationSaved(name));
          }}
        />
      )}
      <PagedResults paged={paged} empty={t.noOrganisations} countText={t.organisationsCount}>
        <DataTable testId="organisations" caption={t.organisationsCaption} columns={[t.colName, t.colShortName, t.colActions]}>
          {paged.nodes.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>{o.name}</Table.Cell>
              <Table.Cell>{o.shortName}</Table.Cell>
              <Table.Cell>
                <RowAction label={t.renameLabel(o.name)} onClick={() => rename(o.id)}>
                  {f.edit}
                </RowAction>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </PagedResults>
    </>
  );
}
