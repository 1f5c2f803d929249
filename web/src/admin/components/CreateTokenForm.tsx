import { Button, Checkbox, ErrorSummary, Fieldset, Heading, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, useDescribeError, useInvalidFieldText } from '../../api/errors';
import { graphql } from '../../gql';
import { todayInNorway } from '../../i18n/format';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { SCOPES, type Scope } from '../scopes';
import { FailureAlert } from '../../components/states';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        ...ApiTokenTable_Token
      }
    }
  }
`);

type Field = 'name' | 'scopes' | 'expiresAt';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The end of a chosen day in Norway, as the instant the API expects. */
function endOfDay(date: string): string {
  // 22:59 UTC is 23:59 or 00:59 in Oslo; either way the token lasts through the chosen day.
  return `${date}T22:59:59Z`;
}

export function CreateTokenForm({ onCreated }: { onCreated: (name: string, token: string) => void }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const invalid = useInvalidFieldText();
  const today = todayInNorway();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [expires, setExpires] = useState(addDays(today, 90));
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, create] = useMutation(CreateApiTokenMutation);

  // Field errors from the API, in the user's language where we know the field.
  const known: Record<Field, string> = { name: t.nameMissing, scopes: t.scopesMissing, expiresAt: t.expiresInvalid };
  const serverErrors: Partial<Record<Field, string>> = {};
  for (const [field] of fieldProblems(result.error)) {
    if (field === 'name' || field === 'scopes' || field === 'expiresAt') serverErrors[field] = known[field];
  }
  const errors = { ...serverErrors, ...localErrors };
  const otherError = result.error && fieldProblems(result.error).size === 0 ? describe(result.error) : null;
  const unknownFieldErrors = [...fieldProblems(result.error).keys()].filter(
    (f) => f !== 'name' && f !== 'scopes' && f !== 'expiresAt',
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!name.trim()) next.name = t.nameMissing;
    else if (name.trim().length > 100) next.name = t.nameTooLong;
    if (scopes.length === 0) next.scopes = t.scopesMissing;
    if (expires && (expires <= today || expires > addDays(today, 365))) next.expiresAt = t.expiresInvalid;
    setLocalErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const response = await create({
      input: { name: name.trim(), scopes, expiresAt: expires ? endOfDay(expires) : null },
    });
    if (response.data) {
      onCreated(name.trim(), response.data.createApiToken.token);
      setName('');
      setScopes(['read']);
      setExpires(addDays(today, 90));
    }
  }

  const errorList = (Object.entries(errors) as [Field, string][]).filter(([, text]) => text);
  const fieldId: Record<Field, string> = { name: 'token-name', scopes: 'token-scope-read', expiresAt: 'token-expires' };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="create-token-h">
      <Heading level={2} data-size="sm" id="create-token-h">
        {t.createHeading}
      </Heading>
      {errorList.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t.errorSummary}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errorList.map(([field, text]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${fieldId[field]}`}>{text}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {(otherError || unknownFieldErrors.length > 0) && <FailureAlert>{otherError ?? invalid}</FailureAlert>}
      <Textfield
        id="token-name"
        label={t.name}
        description={t.nameDescription}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={200}
        autoComplete="off"
        required
      />
      <Fieldset>
        <Fieldset.Legend>{t.scopes}</Fieldset.Legend>
        <Fieldset.Description>{t.scopesDescription}</Fieldset.Description>
        {SCOPES.map((scope) => (
          <Checkbox
            key={scope}
            id={`token-scope-${scope.replace(':', '-')}`}
            label={`${t[`scope_${scope}`]} (${scope})`}
            value={scope}
            checked={scopes.includes(scope)}
            onChange={(e) =>
              setScopes((current) =>
                e.target.checked ? SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope),
              )
            }
          />
        ))}
        {errors.scopes && <ValidationMessage>{errors.scopes}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id="token-expires"
        label={t.expiresAt}
        description={t.expiresDescription}
        type="date"
        min={addDays(today, 1)}
        max={addDays(today, 365)}
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={errors.expiresAt}
      />
      <div>
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {result.fetching ? t.creating : t.create}
        </Button>
      </div>
    </form>
  );
}
