import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { RouterLink } from './RouterLink';
import { usePageTitle } from './usePageTitle';

/** The page for an address that names nothing: what was not found, and the way back. */
export function NotFound({
  title,
  text,
  backTo,
  backLabel,
  testId,
}: {
  title: string;
  text: string;
  backTo: string;
  backLabel: string;
  testId: string;
}) {
  usePageTitle(title);
  return (
    <div className="narrow" data-testid={testId}>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <RouterLink to={backTo}>{backLabel}</RouterLink>
      </Paragraph>
    </div>
  );
}
