import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { errorCodes } from '../../api/errors';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { EditConflict } from '../../components/EditConflict';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { Prose } from '../../components/Prose';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { usePageTitle } from '../../components/usePageTitle';
import consultationMessages from '../../consultations/messages';
import { policyDocumentUrl } from '../../consultations/urls';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { WorkingGroupMember_MemberFragment, WorkingGroupPageQuery } from '../../gql/graphql';
import { formatNumericDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { usePersonOptions } from '../../people/components/PersonSelect';
import { personUrl } from '../../people/urls';
import { sakPageUrl } from '../../saker/urls';
import { checkGroup, GroupFields, type GroupValues } from '../components/GroupFields';
import { emptyMember, isBlankMember, MemberFields, memberInput, type MemberValues } from '../components/MemberFields';
import { GroupStatusTag } from '../components/StatusTag';
import messages from '../messages';
import { workingGroupsUrl } from '../urls';

const MemberFragment = graphql(`
  fragment WorkingGroupMember_Member on WorkingGroupMember {
    id
    role
    placeholder
    startsOn
    endsOn
    note
    displayName
    person {
      id
      name
    }
  }
`);

const WorkingGroupPageQuery = graphql(`
  query WorkingGroupPage($id: ID!, $today: NaiveDate!) {
    workingGroup(id: $id) {
      id
      name
      kind
      status
      purpose
      startsOn
      endsOn
      version
      establishedBySak {
        id
        code
        title
        vedtak
      }
      policyDocument {
        id
        reference
        title
      }
      consultationRounds {
        id
        kind
        deadline
        deadlineText
        responseStatus
        flags
        policyDocument {
          id
          reference
          title
        }
      }
      current: members(on: $today) {
        id
        ...WorkingGroupMember_Member
      }
      history: members {
        id
        ...WorkingGroupMember_Member
      }
    }
  }
`);

const UpdateWorkingGroupMutation = graphql(`
  mutation UpdateWorkingGroup($input: UpdateWorkingGroupInput!) {
    updateWorkingGroup(input: $input) {
      id
      name
      kind
      status
      purpose
      startsOn
      endsOn
      version
    }
  }
`);

const AddMemberMutation = graphql(`
  mutation AddWorkingGroupMember($input: AddWorkingGroupMemberInput!) {
    addWorkingGroupMember(input: $input) {
      id
      displayName
      workingGroup {
        id
        version
      }
    }
  }
`);

const EndMembershipMutation = graphql(`
  mutation EndWorkingGroupMembership($input: EndWorkingGroupMembershipInput!) {
    endWorkingGroupMembership(input: $input) {
      id
      endsOn
      workingGroup {
        id
        version
      }
    }
  }
`);

const ReplaceMemberMutation = graphql(`
  mutation ReplaceWorkingGroupMember($input: ReplaceWorkingGroupMemberInput!) {
    replaceWorkingGroupMember(input: $input) {
      id
      displayName
      workingGroup {
        id
        version
      }
    }
  }
`);

// Lists that may be empty name their types, so that adding to them refreshes the page.
const groupContext = { additionalTypenames: ['WorkingGroupMember', 'ConsultationRound'] };

type Group = NonNullable<WorkingGroupPageQuery['workingGroup']>;
type Member = WorkingGroupMember_MemberFragment;

const groupValues = (g: Group): GroupValues => ({
  kind: g.kind,
  name: g.name,
  purpose: g.purpose ?? '',
  status: g.status,
  startsOn: g.startsOn ?? '',
  endsOn: g.endsOn ?? '',
});

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function EditGroupForm({
  group,
  fetchLatest,
  onDone,
  onCancel,
}: {
  group: Group;
  fetchLatest: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [values, setValues] = useState(() => groupValues(group));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, update] = useMutation(UpdateWorkingGroupMutation);
  const server = useServerErrors(result.error, { name: t.nameMissing, endsOn: t.finishedNeedsEnd, status: t.finishedNeedsEnd });
  const conflict = useConflict(fetchLatest);
  const errors: Record<string, string> = { ...server.fields, ...local };
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const latest = groupValues(group);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const next = checkGroup(values, t) as Record<string, string>;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const response = await update({
      input: {
        id: group.id,
        version: group.version,
        kind: values.kind,
        name: values.name.trim(),
        purpose: orNull(values.purpose),
        status: values.status,
        startsOn: values.startsOn || null,
        endsOn: values.endsOn || null,
      },
    });
    if (!response.error) {
      conflict.end();
      onDone();
    } else if (errorCodes(response.error).has('CONFLICT')) {
      void conflict.begin();
    }
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="edit-group-h" data-testid="edit-group">
      <Heading level={2} data-size="sm" id="edit-group-h" ref={heading} tabIndex={-1}>
        {t.editHeading}
      </Heading>
      {conflict.active && (
        <EditConflict
          theirsLoaded={conflict.theirsLoaded}
          saving={result.fetching}
          fields={[
            { label: t.kind, mine: t[`kind${values.kind}`], theirs: t[`kind${latest.kind}`] },
            { label: t.name, mine: values.name, theirs: latest.name },
            { label: t.purpose, mine: values.purpose, theirs: latest.purpose },
            { label: t.status, mine: t[`status${values.status}`], theirs: t[`status${latest.status}`] },
            { label: t.startsOn, mine: values.startsOn, theirs: latest.startsOn },
            { label: t.endsOn, mine: values.endsOn, theirs: latest.endsOn },
          ]}
          onKeepMine={() => submit()}
          onTakeTheirs={() => {
            setValues(latest);
            conflict.end();
          }}
        />
      )}
      <FormErrorSummary
        errors={errors}
        fieldIds={{ name: 'edit-group-name', endsOn: 'edit-group-ends', startsOn: 'edit-group-starts', status: 'edit-group-status' }}
        attempt={attempt}
      />
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <GroupFields idPrefix="edit-group" values={values} onChange={setValues} errors={errors} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {result.fetching ? f.saving : f.save}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

/** A membership change failed: say why; after a CONFLICT the page shows what is saved now. */
function MembershipError({ error }: { error: CombinedError | undefined }) {
  const t = useMessages(messages);
  const server = useServerErrors(error);
  if (!error || (!server.other && !server.conflict)) return null;
  return (
    <Paragraph className="form-error" role="alert">
      {server.conflict ? t.membershipConflict : server.other}
    </Paragraph>
  );
}

function AddMemberForm({
  group,
  fetchLatest,
  onDone,
  onCancel,
}: {
  group: Group;
  fetchLatest: () => Promise<unknown>;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [member, setMember] = useState<MemberValues>(emptyMember());
  const [missing, setMissing] = useState(false);
  const [result, add] = useMutation(AddMemberMutation);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const server = useServerErrors(result.error, { personId: t.memberMissing, placeholder: t.memberMissing });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(isBlankMember(member));
    if (isBlankMember(member)) return;
    const response = await add({ input: { workingGroupId: group.id, version: group.version, member: memberInput(member) } });
    if (response.data) onDone(response.data.addWorkingGroupMember.displayName);
    // Someone changed the group meanwhile: fetch it, and the same click works again.
    else if (errorCodes(response.error).has('CONFLICT')) await fetchLatest();
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="add-member-h" data-testid="add-member">
      <Heading level={2} data-size="sm" id="add-member-h" ref={heading} tabIndex={-1}>
        {t.addMemberHeading}
      </Heading>
      <MembershipError error={result.error} />
      <MemberFields
        idPrefix="add-member"
        value={member}
        onChange={setMember}
        people={people}
        error={missing ? t.memberMissing : (server.fields.personId ?? server.fields.placeholder)}
      />
      <Textfield label={`${t.note} ${f.optional}`} value={member.note} onChange={(e) => setMember({ ...member, note: e.target.value })} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.addMember}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

function EndMembershipForm({
  group,
  member,
  fetchLatest,
  onDone,
  onCancel,
}: {
  group: Group;
  member: Member;
  fetchLatest: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [endsOn, setEndsOn] = useState(todayInNorway());
  const [local, setLocal] = useState<string | null>(null);
  const [result, end] = useMutation(EndMembershipMutation);
  const server = useServerErrors(result.error, { endsOn: f.invalidDate });
  const heading = useFocusOnMount<HTMLHeadingElement>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!endsOn) return setLocal(f.invalidDate);
    if (member.startsOn && endsOn < member.startsOn) return setLocal(f.dateOrder);
    setLocal(null);
    const response = await end({ input: { workingGroupId: group.id, version: group.version, memberId: member.id, endsOn } });
    if (!response.error) onDone();
    else if (errorCodes(response.error).has('CONFLICT')) await fetchLatest();
  }
  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="end-member-h">
      <Heading level={2} data-size="sm" id="end-member-h" ref={heading} tabIndex={-1}>
        {t.endMembershipHeading(member.displayName)}
      </Heading>
      <Paragraph data-size="sm">{t.endMembershipText}</Paragraph>
      <MembershipError error={result.error} />
      <Textfield label={t.lastDay} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={local ?? server.fields.endsOn} />
      <div className="button-row">
        <Button type="submit" data-color="danger" loading={result.fetching} disabled={result.fetching}>
          {t.endConfirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

function ReplaceMemberForm({
  group,
  member,
  fetchLatest,
  onDone,
  onCancel,
}: {
  group: Group;
  member: Member;
  fetchLatest: () => Promise<unknown>;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [replacement, setReplacement] = useState<MemberValues>({ ...emptyMember(member.role) });
  const [on, setOn] = useState(todayInNorway());
  const [missing, setMissing] = useState(false);
  const [result, replace] = useMutation(ReplaceMemberMutation);
  const server = useServerErrors(result.error, { on: f.invalidDate, personId: t.memberMissing });
  const heading = useFocusOnMount<HTMLHeadingElement>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(isBlankMember(replacement));
    if (isBlankMember(replacement) || !on) return;
    const response = await replace({
      input: { workingGroupId: group.id, version: group.version, memberId: member.id, on, replacement: memberInput(replacement) },
    });
    if (response.data) onDone(member.displayName);
    else if (errorCodes(response.error).has('CONFLICT')) await fetchLatest();
  }
  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="replace-member-h" data-testid="replace-member">
      <Heading level={2} data-size="sm" id="replace-member-h" ref={heading} tabIndex={-1}>
        {t.replaceHeading(member.displayName)}
      </Heading>
      <Paragraph data-size="sm">{t.replaceText}</Paragraph>
      <MembershipError error={result.error} />
      <MemberFields
        idPrefix="replace"
        value={replacement}
        onChange={setReplacement}
        people={people}
        error={missing ? t.memberMissing : server.fields.personId}
        withStart={false}
      />
      <Textfield label={t.replaceOn} type="date" value={on} onChange={(e) => setOn(e.target.value)} error={server.fields.on} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.replaceConfirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

function MemberTable({
  caption,
  members: masked,
  actions,
}: {
  caption: string;
  members: FragmentType<typeof MemberFragment>[];
  actions?: (m: Member) => React.ReactNode;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const members = masked.map((m) => getFragmentData(MemberFragment, m));
  const date = (d: string | null | undefined, fallback: string) => (d ? formatNumericDate(d, lang) : fallback);
  return (
    <div className="table-scroll">
      <Table zebra data-size="sm">
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.colMember}</Table.HeaderCell>
            <Table.HeaderCell>{t.colRole}</Table.HeaderCell>
            <Table.HeaderCell>{t.colFrom}</Table.HeaderCell>
            <Table.HeaderCell>{t.colTo}</Table.HeaderCell>
            <Table.HeaderCell>{t.colNote}</Table.HeaderCell>
            {actions && <Table.HeaderCell>{t.colActions}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {members.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                {m.person ? (
                  <RouterLink to={personUrl(m.person.id)}>{m.person.name}</RouterLink>
                ) : (
                  <>
                    {m.displayName} <span className="muted">({t.placeholder})</span>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{t[`role${m.role}`]}</Table.Cell>
              <Table.Cell className="nowrap">{date(m.startsOn, t.unknown)}</Table.Cell>
              <Table.Cell className="nowrap">{date(m.endsOn, t.ongoing)}</Table.Cell>
              <Table.Cell>{m.note}</Table.Cell>
              {actions && <Table.Cell>{actions(m)}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

type Editing = { mode: 'group' } | { mode: 'add' } | { mode: 'end'; memberId: string } | { mode: 'replace'; memberId: string } | null;

export default function WorkingGroupView() {
  const t = useMessages(messages);
  const c = useMessages(consultationMessages);
  const { lang } = useLang();
  const { id = '' } = useParams();
  const location = useLocation();
  const state = useSessionState();
  const client = useClient();
  const canEdit = allows(['SECRETARIAT'], state);
  const today = todayInNorway();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WorkingGroupPageQuery, variables: { id, today }, context: groupContext });
  const fetchLatest = useCallback(
    () => client.query(WorkingGroupPageQuery, { id, today }, { requestPolicy: 'network-only' }).toPromise(),
    [client, id, today],
  );
  const [editing, setEditing] = useState<Editing>(null);
  const initialNotice = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const group = data?.workingGroup;
  usePageTitle(group?.name ?? t.notFound);

  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND') || errorCodes(error).has('VALIDATION')) return <GroupNotFound />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!group) return <GroupNotFound />;

  const all = group.history.map((m) => getFragmentData(MemberFragment, m));
  const target = editing && 'memberId' in editing ? all.find((m) => m.id === editing.memberId) : undefined;
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
  };
  const date = (d: string | null | undefined, fallback: string) => (d ? formatNumericDate(d, lang) : fallback);

  return (
    <article className="stack" data-testid="working-group">
      <Paragraph data-size="sm">
        <RouterLink to={workingGroupsUrl()}>{t.backToList}</RouterLink>
      </Paragraph>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {group.name}
        </Heading>
        {canEdit && (
          <div className="button-row">
            <Button variant="secondary" aria-expanded={editing?.mode === 'group'} onClick={() => setEditing({ mode: 'group' })}>
              {t.edit}
            </Button>
            <Button variant="secondary" aria-expanded={editing?.mode === 'add'} onClick={() => setEditing({ mode: 'add' })}>
              {t.addMember}
            </Button>
          </div>
        )}
      </div>
      <div role="status" className="live">{notice && <Paragraph>{notice}</Paragraph>}</div>
      {editing?.mode === 'group' && (
        <EditGroupForm group={group} fetchLatest={fetchLatest} onCancel={() => setEditing(null)} onDone={() => done(t.saved)} />
      )}
      {editing?.mode === 'add' && (
        <AddMemberForm group={group} fetchLatest={fetchLatest} onCancel={() => setEditing(null)} onDone={(n) => done(t.memberAdded(n))} />
      )}
      {editing?.mode === 'end' && target && (
        <EndMembershipForm
          group={group}
          member={target}
          fetchLatest={fetchLatest}
          onCancel={() => setEditing(null)}
          onDone={() => done(t.membershipEnded(target.displayName))}
        />
      )}
      {editing?.mode === 'replace' && target && (
        <ReplaceMemberForm
          group={group}
          member={target}
          fetchLatest={fetchLatest}
          onCancel={() => setEditing(null)}
          onDone={(n) => done(t.replaced(n))}
        />
      )}
      <dl className="facts">
        <dt>{t.kind}</dt>
        <dd>{t[`kind${group.kind}`]}</dd>
        <dt>{t.status}</dt>
        <dd>
          <GroupStatusTag status={group.status} />
        </dd>
        {(group.startsOn || group.endsOn) && (
          <>
            <dt>{t.period}</dt>
            <dd>{t.fromTo(date(group.startsOn, t.unknown), date(group.endsOn, t.ongoing))}</dd>
          </>
        )}
        {group.establishedBySak && (
          <>
            <dt>{t.establishedBy}</dt>
            <dd>
              <RouterLink to={sakPageUrl(group.establishedBySak.code)}>
                {t.sakFound(group.establishedBySak.code, group.establishedBySak.title)}
              </RouterLink>
            </dd>
          </>
        )}
        {group.policyDocument && (
          <>
            <dt>{t.document}</dt>
            <dd>
              <RouterLink to={policyDocumentUrl(group.policyDocument.id)}>
                {[group.policyDocument.reference, group.policyDocument.title].filter(Boolean).join(' ')}
              </RouterLink>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="purpose-h">
        <Heading level={2} data-size="sm" id="purpose-h">
          {t.purpose}
        </Heading>
        {group.purpose ? <Prose text={group.purpose} /> : <Paragraph className="muted">{t.noPurpose}</Paragraph>}
        {group.establishedBySak?.vedtak && (
          <>
            <Heading level={3} data-size="2xs">
              {t.vedtak}
            </Heading>
            <Prose text={group.establishedBySak.vedtak} />
          </>
        )}
      </section>
      <section aria-labelledby="rounds-h" className="stack">
        <Heading level={2} data-size="sm" id="rounds-h">
          {t.roundsHeading}
        </Heading>
        {group.consultationRounds.length === 0 ? (
          <EmptyState>{t.noRounds}</EmptyState>
        ) : (
          <ul className="plain-list">
            {group.consultationRounds.map((r) => (
              <li key={r.id}>
                {r.policyDocument ? (
                  <RouterLink to={policyDocumentUrl(r.policyDocument.id)}>
                    {[r.policyDocument.reference, r.policyDocument.title].filter(Boolean).join(' ')}
                  </RouterLink>
                ) : null}{' '}
                – {c[`kind${r.kind}`]}, {t.deadline.toLowerCase()}{' '}
                {r.deadline ? formatNumericDate(r.deadline, lang) : (r.deadlineText ?? t.unknown)} ({c[`status${r.responseStatus}`]})
                {r.flags.includes('SHORT_DEADLINE') && (
                  <>
                    {' '}
                    <Tag data-size="sm" data-color="warning">
                      {c.flagSHORT_DEADLINE}
                    </Tag>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-h" className="stack">
        <Heading level={2} data-size="sm" id="members-h">
          {t.membersHeading}
        </Heading>
        {group.current.length === 0 ? (
          <EmptyState>{t.noMembers}</EmptyState>
        ) : (
          <MemberTable
            caption={t.membersHeading}
            members={group.current}
            actions={
              canEdit
                ? (m) => (
                    <div className="cell-actions">
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t.replaceLabel(m.displayName)}
                        onClick={() => setEditing({ mode: 'replace', memberId: m.id })}
                      >
                        {t.replace}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t.endMembershipLabel(m.displayName)}
                        onClick={() => setEditing({ mode: 'end', memberId: m.id })}
                      >
                        {t.endMembership}
                      </Button>
                    </div>
                  )
                : undefined
            }
          />
        )}
      </section>
      <section aria-labelledby="history-h" className="stack">
        <Heading level={2} data-size="sm" id="history-h">
          {t.historyHeading}
        </Heading>
        <Paragraph data-size="sm">{t.historyIntro}</Paragraph>
        {group.history.length === 0 ? (
          <EmptyState>{t.noMembers}</EmptyState>
        ) : (
          <MemberTable caption={t.historyHeading} members={group.history} />
        )}
      </section>
    </article>
  );
}

function GroupNotFound() {
  const t = useMessages(messages);
  usePageTitle(t.notFound);
  return (
    <div className="narrow" data-testid="group-not-found">
      <Heading level={1} data-size="lg">
        {t.notFound}
      </Heading>
      <Paragraph>{t.notFoundText}</Paragraph>
      <Paragraph>
        <RouterLink to={workingGroupsUrl()}>{t.backToList}</RouterLink>
      </Paragraph>
    </div>
  );
}
