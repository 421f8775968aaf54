// The forces reference list, loaded once through the API.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';

export interface ForceOption {
  id: string;
  name: string;
  policeUkName: string | null;
  neighbours: string[];
}

let cache: ForceOption[] | null = null;

export function useForces(api: ApiClient): ForceOption[] {
  const [forces, setForces] = useState<ForceOption[]>(cache ?? []);
  useEffect(() => {
    if (cache) return;
    void api.call('listForces', {}).then((result) => {
      if (result.ok) {
        cache = result.value;
        setForces(result.value);
      }
    });
  }, [api]);
  return forces;
}
