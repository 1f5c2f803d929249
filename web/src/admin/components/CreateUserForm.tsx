import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { PersonSelect, usePersonOptions } from '../../people/components/PersonSelect';
import { minPasswordLength } from '../entities';
import messages from '../usersMessages';
import { ROLES } from './ManageUser';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      name
      role
      active
      version
    }
  }
`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateUserForm({ onCreated, onCancel }: { onCreated: (email: string) => void; onCancel: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [password, setPassword] = useState('');
  const [personId, setPersonId] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, create] = useMutation(CreateUserMutation);
  const min = minPasswordLength(role);
  const server = useServerErrors(result.error, {
    email: t.emailTaken,
    name: t.nameMissing,
    password: t.passwordTooShort(min),
    personId: t.personTaken,
  });
  const errors: Record<string, string> = { ...server.fields, ...local };
  const ids = { name: 'new-user-name', email: 'new-user-email', password: 'new-user-password', personId: 'new-user-person' };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t.nameMissing;
    if (!EMAIL.test(email.trim())) next.email = t.emailInvalid;
    if (password.length < min) next.password = t.passwordTooShort(min);
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const response = await create({ input: { name: name.trim(), email: email.trim(), role, password, personId: personId || null } });
    if (response.data) onCreated(response.data.createUser.email);
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="new-user-h" data-testid="create-user">
      <Heading level={2} data-size="sm" id="new-user-h">
        {t.newUserHeading}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} />
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <Textfield id={ids.name} label={t.name} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" />
      <Textfield
        id={ids.email}
        label={t.email}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        autoComplete="off"
      />
      <Field>
        <Label>{t.role}</Label>
        <Select value={role} onChange={(e) => setRole(e.target.value as Role)} width="auto">
          {ROLES.map((r) => (
            <Select.Option key={r} value={r}>
              {t[`role${r}`]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={ids.password}
        label={t.password}
        description={t.passwordHelp(min)}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <PersonSelect
        id={ids.personId}
        label={`${t.person} ${f.optional}`}
        description={t.personHelp}
        value={personId}
        onChange={setPersonId}
        options={people}
        emptyLabel={t.noPerson}
        error={errors.personId}
      />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.create}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}
