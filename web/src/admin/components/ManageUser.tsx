import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorCodes } from '../../api/errors';
import { useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { graphql } from '../../gql';
import type { Role, UsersPageQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { PersonSelect, usePersonOptions } from '../../people/components/PersonSelect';
import { minPasswordLength } from '../entities';
import messages from '../usersMessages';

export type User = UsersPageQuery['users']['edges'][number]['node'];
export const ROLES: Role[] = ['SECRETARIAT', 'MEMBER', 'OBSERVER'];


const SetRoleMutation = graphql(`
  mutation SetUserRole($id: ID!, $version: Int!, $role: Role!, $password: String) {
    setUserRole(id: $id, version: $version, role: $role, password: $password) {
      id
      role
      version
    }
  }
`);

const SetActiveMutation = graphql(`
  mutation SetUserActive($id: ID!, $version: Int!, $active: Boolean!) {
    setUserActive(id: $id, version: $version, active: $active) {
      id
      active
      version
    }
  }
`);

const LinkPersonMutation = graphql(`
  mutation LinkUserToPerson($id: ID!, $version: Int!, $personId: ID) {
    linkUserToPerson(id: $id, version: $version, personId: $personId) {
      id
      version
      person {
        id
        name
      }
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {
    resetUserPassword(id: $id, version: $version, password: $password) {
      id
      version
    }
  }
`);

/** What a failed change means here: after a CONFLICT the form shows what is saved now. */
function Problem({ error, name }: { error: CombinedError | undefined; name: string }) {
  const t = useMessages(messages);
  const server = useServerErrors(error);
  if (!error) return null;
  const text = server.conflict ? t.changedMeanwhile(name) : server.other;
  return text ? (
    <Paragraph className="form-error" role="alert">
      {text}
    </Paragraph>
  ) : null;
}

/**
 * One account's role, person, status and password, each saved on its own (each ends the
 * user's sessions, so nothing is changed by accident along with something else).
 */
export function ManageUser({
  user,
  isSelf,
  fetchLatest,
  onNotice,
  onClose,
}: {
  user: User;
  isSelf: boolean;
  fetchLatest: () => Promise<unknown>;
  onNotice: (text: string) => void;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [role, setRole] = useState<Role>(user.role);
  // The secretariat's stronger password rule means a promotion sets a new password too.
  const [rolePassword, setRolePassword] = useState('');
  const [rolePasswordError, setRolePasswordError] = useState<string | null>(null);
  const needsRolePassword = role === 'SECRETARIAT' && user.role !== 'SECRETARIAT';
  const [personId, setPersonId] = useState(user.person?.id ?? '');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [roleResult, saveRole] = useMutation(SetRoleMutation);
  const [activeResult, saveActive] = useMutation(SetActiveMutation);
  const [personResult, savePerson] = useMutation(LinkPersonMutation);
  const [passwordResult, savePassword] = useMutation(ResetPasswordMutation);
  const personErrors = useServerErrors(personResult.error, { personId: t.personTaken });
  const passwordErrors = useServerErrors(passwordResult.error, { password: t.passwordTooShort(minPasswordLength(user.role)) });
  const roleErrors = useServerErrors(roleResult.error, { password: t.passwordTooShort(minPasswordLength('SECRETARIAT')) });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const min = minPasswordLength(user.role);

  async function afterConflict(error: CombinedError | undefined) {
    if (errorCodes(error).has('CONFLICT')) await fetchLatest();
  }

  async function submitRole(e: FormEvent) {
    e.preventDefault();
    const roleMin = minPasswordLength(role);
    if (needsRolePassword && rolePassword.length < roleMin) {
      setRolePasswordError(t.passwordTooShort(roleMin));
      return;
    }
    setRolePasswordError(null);
    const password = needsRolePassword ? rolePassword : null;
    const response = await saveRole({ id: user.id, version: user.version, role, password });
    if (!response.error) {
      setRolePassword('');
      onNotice(t.roleSaved(user.name, t[`role${role}`]));
    } else await afterConflict(response.error);
  }

  async function submitPerson(e: FormEvent) {
    e.preventDefault();
    const response = await savePerson({ id: user.id, version: user.version, personId: personId || null });
    if (!response.error) onNotice(t.personSaved(user.name));
    else await afterConflict(response.error);
  }

  async function toggleActive() {
    const response = await saveActive({ id: user.id, version: user.version, active: !user.active });
    if (!response.error) onNotice(user.active ? t.deactivated(user.name) : t.reactivated(user.name));
    else await afterConflict(response.error);
  }

  async function submitPassword(e: FormEvent) {
    e.preventDefault();
    if (password.length < min) {
      setPasswordError(t.passwordTooShort(min));
      return;
    }
    setPasswordError(null);
    const response = await savePassword({ id: user.id, version: user.version, password });
    if (!response.error) {
      setPassword('');
      onNotice(t.passwordSaved(user.name));
    } else await afterConflict(response.error);
  }

  return (
    <section className="stack form" aria-labelledby="manage-user-h" data-testid="manage-user">
      <Heading level={2} data-size="sm" id="manage-user-h" ref={heading} tabIndex={-1}>
        {t.manageHeading(user.name)}
      </Heading>
      <form className="stack" onSubmit={submitRole} noValidate>
        <Problem error={roleResult.error} name={user.name} />
        <Field>
          <Label>{t.role}</Label>
          <Field.Description>{t.roleHelp}</Field.Description>
          <Select value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={isSelf} width="auto">
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t[`role${r}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {needsRolePassword && (
          <Textfield
            label={t.rolePassword}
            description={t.rolePasswordHelp(minPasswordLength(role))}
            type="password"
            autoComplete="new-password"
            value={rolePassword}
            onChange={(e) => setRolePassword(e.target.value)}
            error={rolePasswordError ?? roleErrors.fields.password}
          />
        )}
        <div>
          <Button type="submit" variant="secondary" disabled={isSelf || role === user.role || roleResult.fetching} loading={roleResult.fetching}>
            {t.saveRole}
          </Button>
        </div>
      </form>
      <form className="stack" onSubmit={submitPerson} noValidate>
        <Problem error={personResult.error} name={user.name} />
        <PersonSelect
          label={t.person}
          description={t.personHelp}
          value={personId}
          onChange={setPersonId}
          options={people}
          emptyLabel={t.noPerson}
          error={personErrors.fields.personId}
        />
        <div>
          <Button
            type="submit"
            variant="secondary"
            disabled={personId === (user.person?.id ?? '') || personResult.fetching}
            loading={personResult.fetching}
          >
            {t.savePerson}
          </Button>
        </div>
      </form>
      <form className="stack" onSubmit={submitPassword} noValidate>
        <Problem error={passwordResult.error} name={user.name} />
        <Textfield
          label={t.resetPassword}
          description={t.resetPasswordHelp(min)}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordError ?? passwordErrors.fields.password}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={!password || passwordResult.fetching} loading={passwordResult.fetching}>
            {t.savePassword}
          </Button>
        </div>
      </form>
      <div className="stack">
        <Problem error={activeResult.error} name={user.name} />
        <Paragraph data-size="sm">{t.deactivateHelp}</Paragraph>
        <div className="button-row">
          <Button
            variant="secondary"
            data-color={user.active ? 'danger' : 'accent'}
            onClick={toggleActive}
            disabled={isSelf || activeResult.fetching}
            loading={activeResult.fetching}
          >
            {user.active ? t.deactivate : t.reactivate}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {f.close}
          </Button>
        </div>
      </div>
    </section>
  );
}
