import { Button, Link } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { Fact } from '../../components/Fact';
import formMessages from '../../components/formMessages';
import { NotFound } from '../../components/NotFound';
import { PageHead } from '../../components/PageHead';
import { ErrorState, LiveNotice, Loading } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { PersonGroupHistory } from '../../working_groups/components/PersonGroupHistory';
import { Affiliations } from '../components/Affiliations';
import { Appointments } from '../components/Appointments';
import { AttendanceHistory } from '../components/AttendanceHistory';
import { PeopleNav } from '../components/PeopleNav';
import { PersonForm, personValues } from '../components/PersonForm';
import messages from '../messages';
import { councilUrl } from '../urls';

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id
      name
      title
      email
      phone
      note
      version
      organisation {
        id
        name
      }
      affiliations {
        id
        ...Affiliations_Affiliation
      }
      appointments {
        id
        ...Appointments_Appointment
      }
      attendance {
        ...AttendanceHistory_History
      }
    }
  }
`);

const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      name
      title
      email
      phone
      note
      version
    }
  }
`);

// Lists that may be empty name their types, so that adding to them refreshes the page.
const personContext = { additionalTypenames: ['Appointment', 'Affiliation'] };

function PersonNotFound() {
  const t = useMessages(messages);
  return (
    <NotFound
      title={t.personNotFound}
      text={t.personNotFoundText}
      backTo={councilUrl()}
      backLabel={t.backToCouncil}
      testId="person-not-found"
    />
  );
}

export default function PersonView() {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { id = '' } = useParams();
  const state = useSessionState();
  const client = useClient();
  const canEdit = allows(['SECRETARIAT'], state);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PersonPageQuery, variables: { id }, context: personContext });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, update] = useMutation(UpdatePersonMutation);
  const fetchLatest = useCallback(
    () => client.query(PersonPageQuery, { id }, { requestPolicy: 'network-only' }).toPromise(),
    [client, id],
  );
  const conflict = useConflict(fetchLatest);
  const person = data?.person;
  usePageTitle(person?.name ?? t.personNotFound);

  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND') || errorCodes(error).has('VALIDATION')) return <PersonNotFound />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!person) return <PersonNotFound />;

  return (
    <article className="stack" data-testid="person">
      <PeopleNav />
      <PageHead title={person.name}>
        {canEdit && !editing && (
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t.editPerson}
          </Button>
        )}
      </PageHead>
      <LiveNotice notice={notice} />
      {editing ? (
        <PersonForm
          idPrefix="person"
          initial={personValues(person)}
          latest={personValues(person)}
          heading={t.editPersonHeading}
          submitLabel={f.save}
          error={saved.error}
          saving={saved.fetching}
          conflict={conflict}
          onSubmit={async ({ input }) => {
            const response = await update({ input: { id: person.id, version: person.version, ...input } });
            if (!response.error) {
              conflict.end();
              setEditing(false);
              setNotice(t.personSaved);
            } else if (errorCodes(response.error).has('CONFLICT')) {
              void conflict.begin();
            }
          }}
          onCancel={() => {
            conflict.end();
            setEditing(false);
          }}
        />
      ) : (
        <dl className="facts">
          {person.title && <Fact label={t.title}>{person.title}</Fact>}
          {person.organisation && <Fact label={t.organisation}>{person.organisation.name}</Fact>}
          {person.email && (
            <Fact label={t.email}>
              <Link href={`mailto:${person.email}`}>{person.email}</Link>
            </Fact>
          )}
          {person.phone && <Fact label={t.phone}>{person.phone}</Fact>}
          {person.note && (
            <Fact label={t.note} className="prewrap">
              {person.note}
            </Fact>
          )}
        </dl>
      )}
      <Appointments personId={person.id} appointments={person.appointments} canEdit={canEdit} fetchLatest={fetchLatest} />
      <Affiliations personId={person.id} affiliations={person.affiliations} canEdit={canEdit} />
      <AttendanceHistory history={person.attendance} />
      <PersonGroupHistory personId={person.id} />
    </article>
  );
}
