/** Key numbers side by side, each under its label. */
export function Totals({ items, testId }: { items: readonly (readonly [label: string, value: number])[]; testId?: string }) {
  return (
    <dl className="totals" data-testid={testId}>
      {items.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}
