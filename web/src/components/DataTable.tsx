import { Button, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  className?: string;
}

/**
 * A table that scrolls sideways on narrow screens, named by a caption for screen readers.
 * The rows are the children.
 */
export function DataTable({
  caption,
  columns,
  testId,
  size,
  zebra = true,
  className,
  children,
}: {
  caption: string;
  /** The header cells; `false` leaves a column out (such as actions for those who may not act). */
  columns: (string | Column | false)[];
  testId?: string;
  size?: 'sm';
  zebra?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const shown = columns.filter((c) => c !== false).map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <div className="table-scroll">
      <Table zebra={zebra} data-size={size} data-testid={testId} className={className}>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            {shown.map((c, i) => (
              <Table.HeaderCell key={i} className={c.className}>
                {c.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  );
}

/** What one can do with a row: a small, quiet button whose accessible name says which row. */
export function RowAction({
  label,
  children,
  onClick,
  danger = false,
}: {
  /** The accessible name, naming the row ("Endre Helsedirektoratet"). */
  label: string;
  children: ReactNode;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <Button variant="tertiary" data-size="sm" data-color={danger ? 'danger' : undefined} aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}
