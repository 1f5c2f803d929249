import { Button } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/LanguageProvider';
import formMessages from './formMessages';

/** An edit form's own buttons: submit (busy while the form saves) and cancel. */
export function FormButtons({
  label,
  busy,
  onCancel,
  danger = false,
}: {
  label: string;
  busy: boolean;
  onCancel: () => void;
  /** The submit button ends or removes something. */
  danger?: boolean;
}) {
  const f = useMessages(formMessages);
  return (
    <div className="button-row">
      <Button type="submit" data-color={danger ? 'danger' : undefined} loading={busy} disabled={busy}>
        {label}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {f.cancel}
      </Button>
    </div>
  );
}
