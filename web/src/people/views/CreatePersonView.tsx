import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { useOrganisationOptions, useResolveOrganisation } from '../components/OrganisationField';
import { PeopleNav } from '../components/PeopleNav';
import { PersonForm, personValues } from '../components/PersonForm';
import messages from '../messages';
import { personUrl } from '../urls';

const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: PersonInput!, $organisationId: ID) {
    createPerson(input: $input, organisationId: $organisationId) {
      id
      name
    }
  }
`);

const AddAffiliationMutation = graphql(`
  mutation AddAffiliation($input: AffiliationInput!) {
    addAffiliation(input: $input) {
      id
    }
  }
`);

export default function CreatePersonView() {
  const t = useMessages(messages);
  usePageTitle(t.createPersonTitle);
  const navigate = useNavigate();
  const options = useOrganisationOptions();
  const resolve = useResolveOrganisation();
  const [result, create] = useMutation(CreatePersonMutation);
  const [, addAffiliation] = useMutation(AddAffiliationMutation);
  const [orgError, setOrgError] = useState<CombinedError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  return (
    <>
      <PeopleNav />
      <Heading level={1} data-size="lg">
        {t.createPersonTitle}
      </Heading>
      <Paragraph>{t.createPersonIntro}</Paragraph>
      <PersonForm
        idPrefix="new-person"
        initial={personValues({})}
        withOrganisation
        heading={t.createPersonTitle}
        submitLabel={t.createPerson}
        error={result.error ?? orgError}
        saving={busy}
        onSubmit={async ({ input, organisation, organisationTitle }) => {
          setBusy(true);
          try {
            let organisationId: string | null = null;
            if (organisation) {
              const org = await resolve(organisation, options);
              setOrgError(org.error);
              if (!org.id) return;
              organisationId = org.id;
            }
            const response = await create({ input, organisationId: organisationTitle ? null : organisationId });
            const person = response.data?.createPerson;
            if (!person) return;
            // createPerson takes no title at the organisation; an affiliation as given does.
            if (organisationId && organisationTitle) {
              // The person exists either way: a failure here shows on their page (no organisation).
              await addAffiliation({ input: { personId: person.id, organisationId, title: organisationTitle } });
            }
            navigate(personUrl(person.id));
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}
