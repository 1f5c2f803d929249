import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { DataTable } from '../../components/DataTable';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { ListSection } from '../../components/ListSection';
import { EmptyState, LiveNotice } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatNumericDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { OrganisationField, useOrganisationOptions, useResolveOrganisation } from './OrganisationField';

export const AffiliationFragment = graphql(`
  fragment Affiliations_Affiliation on Affiliation {
    id
    title
    startsOn
    endsOn
    organisation {
      id
      name
      shortName
    }
  }
`);

const ChangeOrganisationMutation = graphql(`
  mutation ChangeOrganisation($input: OrganisationChangeInput!) {
    changeOrganisation(input: $input) {
      id
      ...Affiliations_Affiliation
    }
  }
`);

function ChangeOrganisationForm({ personId, onDone }: { personId: string; onDone: (name: string) => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const options = useOrganisationOptions();
  const resolve = useResolveOrganisation();
  const [organisation, setOrganisation] = useState('');
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(todayInNorway());
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, change] = useMutation(ChangeOrganisationMutation);
  const [resolveError, setResolveError] = useState<typeof result.error>(undefined);
  const server = useServerErrors(result.error ?? resolveError, {
    organisationId: t.organisationMissing,
    from: f.invalidDate,
    name: t.organisationMissing,
  });
  const errors = { ...server.fields, ...local };
  const orgProblem = errors.organisationId ?? errors.name;
  if (orgProblem) errors.organisation = orgProblem;
  delete errors.organisationId;
  delete errors.name;
  const ids = { organisation: 'change-org-name', from: 'change-org-from' };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!organisation.trim()) next.organisation = t.organisationMissing;
    if (!from) next.from = t.dateMissing;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const org = await resolve(organisation, options);
    setResolveError(org.error);
    if (!org.id) return;
    const response = await change({ input: { personId, organisationId: org.id, title: orNull(title), from } });
    if (!response.error) onDone(org.name);
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="change-org-h">
      <Heading level={3} data-size="xs" id="change-org-h">
        {t.changeOrganisationHeading}
      </Heading>
      <Paragraph data-size="sm">{t.changeOrganisationText}</Paragraph>
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} other={server.other} />
      <OrganisationField
        id={ids.organisation}
        label={t.newOrganisation}
        description={t.organisationDescription}
        value={organisation}
        onChange={setOrganisation}
        error={errors.organisation}
        options={options}
      />
      <Textfield label={`${t.organisationTitle} ${f.optional}`} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
      <Textfield id={ids.from} label={t.changeFrom} type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {result.fetching ? f.saving : t.changeOrganisation}
        </Button>
      </div>
    </form>
  );
}

/** The organisations a person has belonged to, oldest first; the secretariat can move them on. */
export function Affiliations({
  personId,
  affiliations: masked,
  canEdit,
}: {
  personId: string;
  affiliations: FragmentType<typeof AffiliationFragment>[];
  canEdit: boolean;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const affiliations = masked.map((m) => getFragmentData(AffiliationFragment, m));
  return (
    <ListSection
      id="affiliations"
      title={t.affiliationsHeading}
      add={canEdit ? { label: t.changeOrganisation, expanded: open, onClick: () => setOpen((o) => !o) } : undefined}
    >
      <LiveNotice notice={notice} />
      {affiliations.length === 0 ? (
        <EmptyState>{t.affiliationsEmpty}</EmptyState>
      ) : (
        <DataTable testId="affiliations" size="sm" caption={t.affiliationsHeading} columns={[t.colOrganisation, t.colTitle, t.colPeriod]}>
          {affiliations.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>{a.organisation?.name}</Table.Cell>
              <Table.Cell>{a.title}</Table.Cell>
              <Table.Cell>
                {t.fromTo(
                  a.startsOn ? formatNumericDate(a.startsOn, lang) : t.unknownStart,
                  a.endsOn ? formatNumericDate(a.endsOn, lang) : t.ongoing,
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {canEdit && open && (
        <ChangeOrganisationForm
          personId={personId}
          onDone={(name) => {
            setOpen(false);
            setNotice(t.organisationChanged(name));
          }}
        />
      )}
    </ListSection>
  );
}
