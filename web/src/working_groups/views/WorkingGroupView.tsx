import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { errorCodes } from '../../api/errors';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { DataTable } from '../../components/DataTable';
import { EditConflict } from '../../components/EditConflict';
import { Fact } from '../../components/Fact';
import { FormButtons } from '../../components/FormButtons';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { NotFound } from '../../components/NotFound';
import { PageHead } from '../../components/PageHead';
import { PolicyDocumentLink } from '../../components/PolicyDocumentLink';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { Prose } from '../../components/Prose';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, LiveNotice, Loading } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { usePageTitle } from '../../components/usePageTitle';
import consultationMessages from '../../consultations/messages';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { WorkingGroupMember_MemberFragment, WorkingGroupView_GroupFragment } from '../../gql/graphql';
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

// The group's own fields: what the page shows, what the edit form starts from, and what saving it returns.
const GroupFragment = graphql(`
  fragment WorkingGroupView_Group on WorkingGroup {
    id
    name
    kind
    status
    purpose
    startsOn
    endsOn
    version
  }
`);

// What a membership change returns: the group with its new version, so that the page is fetched again.
// Spread in the membership mutations below; codegen finds it here.
graphql(`
  fragment WorkingGroupView_MembershipChange on WorkingGroupMember {
    id
    workingGroup {
      id
      version
    }
  }
`);

const WorkingGroupPageQuery = graphql(`
  query WorkingGroupPage($id: ID!, $today: NaiveDate!) {
    workingGroup(id: $id) {
      id
      ...WorkingGroupView_Group
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
      ...WorkingGroupView_Group
    }
  }
`);

const AddMemberMutation = graphql(`
  mutation AddWorkingGroupMember($input: AddWorkingGroupMemberInput!) {
    addWorkingGroupMember(input: $input) {
      displayName
      ...WorkingGroupView_MembershipChange
    }
  }
`);

const EndMembershipMutation = graphql(`
  mutation EndWorkingGroupMembership($input: EndWorkingGroupMembershipInput!) {
    endWorkingGroupMembership(input: $input) {
      endsOn
      ...WorkingGroupView_MembershipChange
    }
  }
`);

const ReplaceMemberMutation = graphql(`
  mutation ReplaceWorkingGroupMember($input: ReplaceWorkingGroupMemberInput!) {
    replaceWorkingGroupMember(input: $input) {
      ...WorkingGroupView_MembershipChange
    }
  }
`);

// Lists that may be empty name their types, so that adding to them refreshes the page.
const groupContext = { additionalTypenames: ['WorkingGroupMember', 'ConsultationRound'] };

type Group = WorkingGroupView_GroupFragment;
type Member = WorkingGroupMember_MemberFragment;

/** What every form on the page gets: the group as loaded, how to load it anew (after a CONFLICT), and cancel. */
type FormProps = { group: Group; fetchLatest: () => Promise<unknown>; onCancel: () => void };

const groupValues = (g: Group): GroupValues => ({
  kind: g.kind,
  name: g.name,
  purpose: g.purpose ?? '',
  status: g.status,
  startsOn: g.startsOn ?? '',
  endsOn: g.endsOn ?? '',
});

/** A form that opens in the page: its heading takes focus, so that keyboard and screen reader users are in it. */
function InPlaceForm({
  id,
  heading,
  intro,
  submitLabel,
  busy,
  danger,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  submitLabel: string;
  busy: boolean;
  danger?: boolean;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form className="stack form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-h`} data-testid={id}>
      <Heading level={2} data-size="sm" id={`${id}-h`} ref={ref} tabIndex={-1}>
        {heading}
      </Heading>
      {intro && <Paragraph data-size="sm">{intro}</Paragraph>}
      {children}
      <FormButtons label={submitLabel} busy={busy} danger={danger} onCancel={onCancel} />
    </form>
  );
}

function EditGroupForm({ group, fetchLatest, onDone, onCancel }: FormProps & { onDone: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [values, setValues] = useState(() => groupValues(group));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, update] = useMutation(UpdateWorkingGroupMutation);
  const server = useServerErrors(result.error, { name: t.nameMissing, endsOn: t.finishedNeedsEnd, status: t.finishedNeedsEnd });
  const conflict = useConflict(fetchLatest);
  const errors: Record<string, string> = { ...server.fields, ...local };
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
    <InPlaceForm
      id="edit-group"
      heading={t.editHeading}
      submitLabel={result.fetching ? f.saving : f.save}
      busy={result.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </InPlaceForm>
  );
}

/** After a membership change: done, or, when someone changed the group meanwhile (CONFLICT), fetch it so the same click works again. */
async function afterMembershipChange(error: CombinedError | undefined, fetchLatest: () => Promise<unknown>, onSaved: () => void) {
  if (!error) onSaved();
  else if (errorCodes(error).has('CONFLICT')) await fetchLatest();
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

function AddMemberForm({ group, fetchLatest, onDone, onCancel }: FormProps & { onDone: (name: string) => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [member, setMember] = useState<MemberValues>(emptyMember());
  const [missing, setMissing] = useState(false);
  const [result, add] = useMutation(AddMemberMutation);
  const server = useServerErrors(result.error, { personId: t.memberMissing, placeholder: t.memberMissing });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(isBlankMember(member));
    if (isBlankMember(member)) return;
    const response = await add({ input: { workingGroupId: group.id, version: group.version, member: memberInput(member) } });
    await afterMembershipChange(response.error, fetchLatest, () => onDone(response.data?.addWorkingGroupMember.displayName ?? ''));
  }

  return (
    <InPlaceForm
      id="add-member"
      heading={t.addMemberHeading}
      submitLabel={t.addMember}
      busy={result.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <MembershipError error={result.error} />
      <MemberFields
        idPrefix="add-member"
        value={member}
        onChange={setMember}
        people={people}
        error={missing ? t.memberMissing : (server.fields.personId ?? server.fields.placeholder)}
      />
      <Textfield label={`${t.note} ${f.optional}`} value={member.note} onChange={(e) => setMember({ ...member, note: e.target.value })} />
    </InPlaceForm>
  );
}

function EndMembershipForm({ group, member, fetchLatest, onDone, onCancel }: FormProps & { member: Member; onDone: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [endsOn, setEndsOn] = useState(todayInNorway());
  const [local, setLocal] = useState<string | null>(null);
  const [result, end] = useMutation(EndMembershipMutation);
  const server = useServerErrors(result.error, { endsOn: f.invalidDate });
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!endsOn) return setLocal(f.invalidDate);
    if (member.startsOn && endsOn < member.startsOn) return setLocal(f.dateOrder);
    setLocal(null);
    const response = await end({ input: { workingGroupId: group.id, version: group.version, memberId: member.id, endsOn } });
    await afterMembershipChange(response.error, fetchLatest, onDone);
  }
  return (
    <InPlaceForm
      id="end-member"
      heading={t.endMembershipHeading(member.displayName)}
      intro={t.endMembershipText}
      submitLabel={t.endConfirm}
      busy={result.fetching}
      danger
      onSubmit={submit}
      onCancel={onCancel}
    >
      <MembershipError error={result.error} />
      <Textfield label={t.lastDay} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={local ?? server.fields.endsOn} />
    </InPlaceForm>
  );
}

function ReplaceMemberForm({
  group,
  member,
  fetchLatest,
  onDone,
  onCancel,
}: FormProps & { member: Member; onDone: (name: string) => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const { options: people } = usePersonOptions();
  const [replacement, setReplacement] = useState<MemberValues>({ ...emptyMember(member.role) });
  const [on, setOn] = useState(todayInNorway());
  const [missing, setMissing] = useState(false);
  const [result, replace] = useMutation(ReplaceMemberMutation);
  const server = useServerErrors(result.error, { on: f.invalidDate, personId: t.memberMissing });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(isBlankMember(replacement));
    if (isBlankMember(replacement) || !on) return;
    const response = await replace({
      input: { workingGroupId: group.id, version: group.version, memberId: member.id, on, replacement: memberInput(replacement) },
    });
    await afterMembershipChange(response.error, fetchLatest, () => onDone(member.displayName));
  }
  return (
    <InPlaceForm
      id="replace-member"
      heading={t.replaceHeading(member.displayName)}
      intro={t.replaceText}
      submitLabel={t.replaceConfirm}
      busy={result.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </InPlaceForm>
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
    <DataTable caption={caption} size="sm" columns={[t.colMember, t.colRole, t.colFrom, t.colTo, t.colNote, actions !== undefined && t.colActions]}>
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
    </DataTable>
  );
}

function Section({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className={className}>
      <Heading level={2} data-size="sm" id={`${id}-h`}>
        {title}
      </Heading>
      {children}
    </section>
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
  const page = data?.workingGroup;
  const group = page ? getFragmentData(GroupFragment, page) : undefined;
  usePageTitle(group?.name ?? t.notFound);

  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND') || errorCodes(error).has('VALIDATION')) return <GroupNotFound />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!page || !group) return <GroupNotFound />;

  const all = page.history.map((m) => getFragmentData(MemberFragment, m));
  const target = editing && 'memberId' in editing ? all.find((m) => m.id === editing.memberId) : undefined;
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
  };
  const date = (d: string | null | undefined, fallback: string) => (d ? formatNumericDate(d, lang) : fallback);
  const formProps = { group, fetchLatest, onCancel: () => setEditing(null) };

  return (
    <article className="stack" data-testid="working-group">
      <Paragraph data-size="sm">
        <RouterLink to={workingGroupsUrl()}>{t.backToList}</RouterLink>
      </Paragraph>
      <PageHead title={group.name}>
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
      </PageHead>
      <LiveNotice notice={notice} />
      {editing?.mode === 'group' && <EditGroupForm {...formProps} onDone={() => done(t.saved)} />}
      {editing?.mode === 'add' && <AddMemberForm {...formProps} onDone={(n) => done(t.memberAdded(n))} />}
      {editing?.mode === 'end' && target && (
        <EndMembershipForm {...formProps} member={target} onDone={() => done(t.membershipEnded(target.displayName))} />
      )}
      {editing?.mode === 'replace' && target && <ReplaceMemberForm {...formProps} member={target} onDone={(n) => done(t.replaced(n))} />}
      <dl className="facts">
        <Fact label={t.kind}>{t[`kind${group.kind}`]}</Fact>
        <Fact label={t.status}>
          <GroupStatusTag status={group.status} />
        </Fact>
        {(group.startsOn || group.endsOn) && (
          <Fact label={t.period}>{t.fromTo(date(group.startsOn, t.unknown), date(group.endsOn, t.ongoing))}</Fact>
        )}
        {page.establishedBySak && (
          <Fact label={t.establishedBy}>
            <RouterLink to={sakPageUrl(page.establishedBySak.code)}>
              {t.sakFound(page.establishedBySak.code, page.establishedBySak.title)}
            </RouterLink>
          </Fact>
        )}
        {page.policyDocument && (
          <Fact label={t.document}>
            <PolicyDocumentLink document={page.policyDocument} />
          </Fact>
        )}
      </dl>
      <Section id="purpose" title={t.purpose}>
        {group.purpose ? <Prose text={group.purpose} /> : <Paragraph className="muted">{t.noPurpose}</Paragraph>}
        {page.establishedBySak?.vedtak && (
          <>
            <Heading level={3} data-size="2xs">
              {t.vedtak}
            </Heading>
            <Prose text={page.establishedBySak.vedtak} />
          </>
        )}
      </Section>
      <Section id="rounds" title={t.roundsHeading} className="stack">
        {page.consultationRounds.length === 0 ? (
          <EmptyState>{t.noRounds}</EmptyState>
        ) : (
          <ul className="plain-list">
            {page.consultationRounds.map((r) => (
              <li key={r.id}>
                {r.policyDocument ? <PolicyDocumentLink document={r.policyDocument} /> : null}{' '}
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
      </Section>
      <Section id="members" title={t.membersHeading} className="stack">
        {page.current.length === 0 ? (
          <EmptyState>{t.noMembers}</EmptyState>
        ) : (
          <MemberTable
            caption={t.membersHeading}
            members={page.current}
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
      </Section>
      <Section id="history" title={t.historyHeading} className="stack">
        <Paragraph data-size="sm">{t.historyIntro}</Paragraph>
        {page.history.length === 0 ? (
          <EmptyState>{t.noMembers}</EmptyState>
        ) : (
          <MemberTable caption={t.historyHeading} members={page.history} />
        )}
      </Section>
    </article>
  );
}

function GroupNotFound() {
  const t = useMessages(messages);
  return (
    <NotFound title={t.notFound} text={t.notFoundText} backTo={workingGroupsUrl()} backLabel={t.backToList} testId="group-not-found" />
  );
}
