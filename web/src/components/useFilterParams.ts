// A list's filters live in the address (?role=MEMBER&sector=…), so that a filtered list can be
// linked to and survives a reload. Changing one replaces the history entry instead of adding one.
import { useSearchParams } from 'react-router';

export function useFilterParams() {
  const [params, setParams] = useSearchParams();

  /** Sets one filter; an empty value removes it. */
  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return { params, setParam, clear: () => setParams({}, { replace: true }) };
}

/** A yes/no filter's value (see `yesNoOptions`): true, false, or null when it is not set. */
export function yesNoParam(value: string | null): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}
