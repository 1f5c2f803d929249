import { Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, RowAction } from '../../components/DataTable';
import { FormConflict } from '../../components/EditConflict';
import { FormButtons } from '../../components/FormButtons';
import { ListSection } from '../../components/ListSection';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { EmptyState, LiveNotice } from '../../components/states';
import { useConflict } from '../../components/useConflict';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { AppointmentRole, Appointments_AppointmentFragment } from '../../gql/graphql';
import { formatNumericDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { OrganisationField, useOrganisationOptions, useResolveOrganisation } from './OrganisationField';
import { APPOINTMENT_ROLES, SECTOR_ROLES } from './roles';

export const AppointmentFragment = graphql(`
  fragment Appointments_Appointment on Appointment {
    id
    role
    title
    startsOn
    endsOn
    note
    version
    sector {
      id
      name
    }
    organisation {
      id
      name
    }
    councilPeriod {
      id
      name
    }
  }
`);

const AppointmentOptionsQuery = graphql(`
  query AppointmentOptions {
    sectors {
      id
      name
    }
    councilPeriods {
      id
      name
      startsOn
      endsOn
    }
  }
`);

const CreateAppointmentMutation = graphql(`
  mutation CreateAppointment($input: AppointmentInput!) {
    createAppointment(input: $input) {
      id
      ...Appointments_Appointment
    }
  }
`);

const UpdateAppointmentMutation = graphql(`
  mutation UpdateAppointment($input: UpdateAppointmentInput!) {
    updateAppointment(input: $input) {
      id
      ...Appointments_Appointment
    }
  }
`);

const EndAppointmentMutation = graphql(`
  mutation EndAppointment($id: ID!, $version: Int!, $endsOn: NaiveDate!) {
    endAppointment(id: $id, version: $version, endsOn: $endsOn) {
      id
      ...Appointments_Appointment
    }
  }
`);

type Appointment = Appointments_AppointmentFragment;

interface Values {
  role: AppointmentRole;
  sectorId: string;
  organisation: string;
  /** null: the period running today (for a new appointment, until the user chooses). */
  councilPeriodId: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  note: string;
}

const valuesOf = (a: Appointment | null): Values => ({
  role: a?.role ?? 'MEMBER',
  sectorId: a?.sector?.id ?? '',
  organisation: a?.organisation?.name ?? '',
  councilPeriodId: a ? (a.councilPeriod?.id ?? '') : null,
  title: a?.title ?? '',
  startsOn: a?.startsOn ?? '',
  endsOn: a?.endsOn ?? '',
  note: a?.note ?? '',
});

function AppointmentForm({
  personId,
  appointment,
  onDone,
  onCancel,
  fetchLatest,
}: {
  personId: string;
  /** The appointment to edit; null for a new one. */
  appointment: Appointment | null;
  onDone: () => void;
  onCancel: () => void;
  fetchLatest: () => Promise<unknown>;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [{ data: options }] = useQuery({ query: AppointmentOptionsQuery });
  const organisations = useOrganisationOptions();
  const resolve = useResolveOrganisation();
  const today = todayInNorway();
  const currentPeriod =
    options?.councilPeriods.find((p) => p.startsOn <= today && (!p.endsOn || p.endsOn >= today))?.id ?? '';
  const [values, setValues] = useState<Values>(() => valuesOf(appointment));
  const periodId = values.councilPeriodId ?? currentPeriod;
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [created, create] = useMutation(CreateAppointmentMutation);
  const [updated, update] = useMutation(UpdateAppointmentMutation);
  const [orgError, setOrgError] = useState<typeof created.error>(undefined);
  const conflict = useConflict(fetchLatest);
  const result = appointment ? updated : created;
  const server = useServerErrors(result.error ?? orgError, { sectorId: t.sectorNeeded, sector: t.sectorNeeded });
  const errors: Record<string, string> = { ...server.fields, ...local };
  if (errors.sector) {
    errors.sectorId ??= errors.sector;
    delete errors.sector;
  }
  const prefix = appointment ? `appointment-${appointment.id}` : 'appointment-new';
  const ids = {
    role: `${prefix}-role`,
    sectorId: `${prefix}-sector`,
    organisation: `${prefix}-organisation`,
    organisationId: `${prefix}-organisation`,
    councilPeriodId: `${prefix}-period`,
    title: `${prefix}-title`,
    startsOn: `${prefix}-starts`,
    endsOn: `${prefix}-ends`,
    note: `${prefix}-note`,
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = (field: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const needsSector = SECTOR_ROLES.includes(values.role) && values.role !== 'DEPUTY';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const next: Record<string, string> = {};
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) next.endsOn = f.dateOrder;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    let organisationId: string | null = null;
    if (values.organisation.trim()) {
      const org = await resolve(values.organisation, organisations);
      setOrgError(org.error);
      if (!org.id) return;
      organisationId = org.id;
    }
    const fields = {
      role: values.role,
      sectorId: SECTOR_ROLES.includes(values.role) ? values.sectorId || null : null,
      organisationId,
      councilPeriodId: periodId || null,
      title: orNull(values.title),
      startsOn: values.startsOn || null,
      endsOn: values.endsOn || null,
      note: orNull(values.note),
    };
    const response = appointment
      ? await update({ input: { id: appointment.id, version: appointment.version, ...fields } })
      : await create({ input: { personId, ...fields } });
    if (!response.error) {
      conflict.end();
      onDone();
    } else if (server.conflict || response.error.graphQLErrors.some((g) => g.extensions.code === 'CONFLICT')) {
      void conflict.begin();
    }
  }

  const latest = appointment ? valuesOf(appointment) : null;
  const roleName = (r: AppointmentRole) => t[`role${r}`];
  const sectorName = (id: string) => options?.sectors.find((s) => s.id === id)?.name ?? '';
  const periodName = (id: string) => options?.councilPeriods.find((p) => p.id === id)?.name ?? '';

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-h`} data-testid="appointment-form">
      <Heading level={3} data-size="xs" id={`${prefix}-h`} ref={headingRef} tabIndex={-1}>
        {appointment ? t.editAppointmentHeading : t.newAppointmentHeading}
      </Heading>
      <FormConflict
        conflict={conflict}
        latest={latest}
        saving={result.fetching}
        fields={(saved) => [
          { label: t.role, mine: roleName(values.role), theirs: roleName(saved.role) },
          { label: t.sector, mine: sectorName(values.sectorId), theirs: sectorName(saved.sectorId) },
          { label: t.organisation, mine: values.organisation, theirs: saved.organisation },
          { label: t.councilPeriod, mine: periodName(periodId), theirs: periodName(saved.councilPeriodId ?? '') },
          { label: t.appointmentTitle, mine: values.title, theirs: saved.title },
          { label: t.startsOn, mine: values.startsOn, theirs: saved.startsOn },
          { label: t.endsOnLabel, mine: values.endsOn, theirs: saved.endsOn },
          { label: t.note, mine: values.note, theirs: saved.note },
        ]}
        onKeepMine={() => submit()}
        onTakeTheirs={setValues}
      />
      <FormErrorSummary errors={errors} fieldIds={ids} attempt={attempt} other={server.other} />
      <Field>
        <Label>{t.role}</Label>
        <Select id={ids.role} value={values.role} onChange={set('role')} width="auto">
          {APPOINTMENT_ROLES.map((r) => (
            <Select.Option key={r} value={r}>
              {roleName(r)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {SECTOR_ROLES.includes(values.role) && (
        <Field>
          <Label>{t.sector}</Label>
          <Field.Description>{t.sectorDescription}</Field.Description>
          <Select id={ids.sectorId} value={values.sectorId} onChange={set('sectorId')} aria-invalid={Boolean(errors.sectorId)} width="auto">
            <Select.Option value="">{t.noSector}</Select.Option>
            {options?.sectors.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {s.name}
              </Select.Option>
            ))}
          </Select>
          {errors.sectorId && <ValidationMessage>{errors.sectorId}</ValidationMessage>}
          {needsSector && !values.sectorId && !errors.sectorId && <Paragraph data-size="sm" className="muted">{t.withoutSectorText}</Paragraph>}
        </Field>
      )}
      <OrganisationField
        id={ids.organisation}
        label={`${t.organisation} ${f.optional}`}
        description={t.organisationDescription}
        value={values.organisation}
        onChange={(v) => setValues((s) => ({ ...s, organisation: v }))}
        error={errors.organisation ?? errors.organisationId}
        options={organisations}
      />
      <Field>
        <Label>{t.councilPeriod}</Label>
        <Select id={ids.councilPeriodId} value={periodId} onChange={set('councilPeriodId')} width="auto">
          <Select.Option value="">{t.noCouncilPeriod}</Select.Option>
          {options?.councilPeriods.map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.name}
            </Select.Option>
          ))}
        </Select>
        {errors.councilPeriodId && <ValidationMessage>{errors.councilPeriodId}</ValidationMessage>}
      </Field>
      <Textfield id={ids.title} label={`${t.appointmentTitle} ${f.optional}`} value={values.title} onChange={set('title')} error={errors.title} autoComplete="off" />
      <div className="field-row">
        <Textfield
          id={ids.startsOn}
          label={t.startsOn}
          description={t.startsOnDescription}
          type="date"
          value={values.startsOn}
          onChange={set('startsOn')}
          error={errors.startsOn}
        />
        <Textfield
          id={ids.endsOn}
          label={t.endsOnLabel}
          description={t.endsOnDescription}
          type="date"
          value={values.endsOn}
          onChange={set('endsOn')}
          error={errors.endsOn}
        />
      </div>
      <Textfield id={ids.note} label={`${t.note} ${f.optional}`} multiline rows={2} value={values.note} onChange={set('note')} error={errors.note} />
      <FormButtons label={result.fetching ? f.saving : f.save} busy={result.fetching} onCancel={onCancel} />
    </form>
  );
}

function EndAppointmentForm({ appointment, onDone, onCancel }: { appointment: Appointment; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [endsOn, setEndsOn] = useState(todayInNorway());
  const [local, setLocal] = useState<string | null>(null);
  const [result, end] = useMutation(EndAppointmentMutation);
  const server = useServerErrors(result.error, { endsOn: f.invalidDate });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!endsOn) return setLocal(t.dateMissing);
    if (appointment.startsOn && endsOn < appointment.startsOn) return setLocal(f.dateOrder);
    setLocal(null);
    const response = await end({ id: appointment.id, version: appointment.version, endsOn });
    if (!response.error) onDone();
  }
  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="end-appointment-h">
      <Heading level={3} data-size="xs" id="end-appointment-h" ref={headingRef} tabIndex={-1}>
        {t.endAppointmentHeading}: {t[`role${appointment.role}`]}
      </Heading>
      <Paragraph data-size="sm">{t.endAppointmentText}</Paragraph>
      {(server.other || server.conflict) && (
        <Paragraph className="form-error" role="alert">
          {server.other ?? ''}
          {server.conflict && <>{' '}{f.conflictHeading}.</>}
        </Paragraph>
      )}
      <Textfield label={t.endDate} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={local ?? server.fields.endsOn} />
      <FormButtons label={t.endConfirm} busy={result.fetching} onCancel={onCancel} danger />
    </form>
  );
}

/** A person's appointments over time; the secretariat adds, edits and ends them. */
export function Appointments({
  personId,
  appointments: masked,
  canEdit,
  fetchLatest,
}: {
  personId: string;
  appointments: FragmentType<typeof AppointmentFragment>[];
  canEdit: boolean;
  fetchLatest: () => Promise<unknown>;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const appointments = masked.map((m) => getFragmentData(AppointmentFragment, m));
  const [editing, setEditing] = useState<{ mode: 'new' | 'edit' | 'end'; id?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Opening a form starts a new action: the last one's notice no longer applies.
  const open = (next: typeof editing) => {
    setNotice(null);
    setEditing(next);
  };
  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
  };
  const target = editing?.id ? (appointments.find((a) => a.id === editing.id) ?? null) : null;
  const date = (d: string | null | undefined) => (d ? formatNumericDate(d, lang) : '');

  return (
    <ListSection
      id="appointments"
      title={t.appointmentsHeading}
      add={
        canEdit
          ? {
              label: t.newAppointment,
              expanded: editing?.mode === 'new',
              onClick: () => open(editing?.mode === 'new' ? null : { mode: 'new' }),
            }
          : undefined
      }
    >
      <LiveNotice notice={notice} />
      {appointments.length === 0 ? (
        <EmptyState>{t.appointmentsEmpty}</EmptyState>
      ) : (
        <DataTable
          testId="appointments"
          size="sm"
          caption={t.appointmentsHeading}
          columns={[t.colRole, t.colSector, t.colOrganisation, t.colCouncilPeriod, t.colFrom, t.colTo, t.colNote, canEdit && t.colActions]}
        >
          {appointments.map((a) => {
            const role = t[`role${a.role}`];
            return (
              <Table.Row key={a.id}>
                <Table.Cell>
                  {role}
                  {a.title && <span className="muted">, {a.title}</span>}
                </Table.Cell>
                <Table.Cell>{a.sector?.name}</Table.Cell>
                <Table.Cell>{a.organisation?.name}</Table.Cell>
                <Table.Cell>{a.councilPeriod?.name}</Table.Cell>
                <Table.Cell className="nowrap">{date(a.startsOn)}</Table.Cell>
                <Table.Cell className="nowrap">{a.endsOn ? date(a.endsOn) : t.ongoing}</Table.Cell>
                <Table.Cell>{a.note}</Table.Cell>
                {canEdit && (
                  <Table.Cell>
                    <div className="cell-actions">
                      <RowAction label={t.editAppointmentLabel(role, date(a.startsOn))} onClick={() => open({ mode: 'edit', id: a.id })}>
                        {t.editAppointment}
                      </RowAction>
                      {!a.endsOn && (
                        <RowAction label={t.endAppointmentLabel(role)} onClick={() => open({ mode: 'end', id: a.id })} danger>
                          {t.endAppointment}
                        </RowAction>
                      )}
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </DataTable>
      )}
      {canEdit && (editing?.mode === 'new' || (editing?.mode === 'edit' && target)) && (
        <AppointmentForm
          key={target?.id ?? 'new'}
          personId={personId}
          appointment={target}
          fetchLatest={fetchLatest}
          onCancel={() => setEditing(null)}
          onDone={() => done(t.appointmentSaved)}
        />
      )}
      {canEdit && editing?.mode === 'end' && target && (
        <EndAppointmentForm
          key={`end-${target.id}`}
          appointment={target}
          onCancel={() => setEditing(null)}
          onDone={() => done(t.appointmentEnded)}
        />
      )}
    </ListSection>
  );
}
