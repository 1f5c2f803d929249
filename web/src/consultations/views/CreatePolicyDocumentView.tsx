import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { DocumentForm, documentInput, emptyDocument } from '../components/DocumentForm';
import messages from '../messages';
import { policyDocumentUrl } from '../urls';

const CreatePolicyDocumentMutation = graphql(`
  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {
    createPolicyDocument(input: $input) {
      id
      title
    }
  }
`);

export default function CreatePolicyDocumentView() {
  const t = useMessages(messages);
  usePageTitle(t.createDocumentTitle);
  const navigate = useNavigate();
  const [result, create] = useMutation(CreatePolicyDocumentMutation);
  return (
    <>
      <ConsultationsNav />
      <Heading level={1} data-size="lg">
        {t.createDocumentTitle}
      </Heading>
      <Paragraph>{t.createDocumentIntro}</Paragraph>
      <DocumentForm
        heading={t.createDocumentTitle}
        initial={emptyDocument}
        submitLabel={t.createDocument}
        error={result.error}
        saving={result.fetching}
        onSubmit={async ({ values, decidedInSakId }) => {
          const response = await create({
            input: { ...documentInput(values), decidedInSakId: decidedInSakId ?? null, onOverview: true },
          });
          const doc = response.data?.createPolicyDocument;
          if (doc) navigate(policyDocumentUrl(doc.id));
        }}
      />
    </>
  );
}
