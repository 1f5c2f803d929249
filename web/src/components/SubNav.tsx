import { NavLink } from 'react-router';

/** A section's own menu of pages; the current one is marked (aria-current). */
export function SubNav({ label, items }: { label: string; items: { to: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
