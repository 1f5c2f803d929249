import { ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './formMessages';

/**
 * The list of what stops a form from saving, each linking to its field. It is made anew
 * (and so announced and focused) each time the user tries to save (`attempt`). A failure
 * that names no field (`other`: network, access) is said under it.
 */
export function FormErrorSummary({
  errors,
  fieldIds,
  attempt,
  heading,
  other,
}: {
  errors: Record<string, string | undefined>;
  /** The id of the control each field's error links to. */
  fieldIds: Record<string, string>;
  attempt: number;
  heading?: string;
  other?: string | null;
}) {
  const t = useMessages(messages);
  const list = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  return (
    <>
      {list.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{heading ?? t.errorSummary}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {list.map(([field, text]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${fieldIds[field] ?? field}`}>{text}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {other && <Paragraph className="form-error">{other}</Paragraph>}
    </>
  );
}
