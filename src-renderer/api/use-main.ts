import { useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../src-main/api';
import { useUi } from '../state/ui';
import { callFailed } from './client';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiFailure };

/**
 * Reads something from main and reads it again whenever main's data changes. `key` names what
 * `load` fetches (e.g. the client id it lists integrations for); a new key means a new read.
 */
export function useMain<T>(load: () => Promise<ApiResult<T>>, key: string): Loadable<T> {
  const revision = useUi((s) => s.revision);
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      setValue(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for everything `load` reads; a fresh closure each render must not refetch.
  }, [key, revision]);
  return value;
}

/**
 * Runs a call that changes something; success refreshes every view. A failure becomes a toast,
 * unless it names a field and the caller shows it under that field (`fieldsInline`).
 */
export async function change<T>(
  call: Promise<ApiResult<T>>,
  options: { fieldsInline?: boolean } = {},
): Promise<ApiResult<T>> {
  const result = await call.catch(callFailed);
  const ui = useUi.getState();
  if (result.ok) ui.dataChanged();
  else if (!(options.fieldsInline && result.error.field)) ui.showFailure(result.error);
  return result;
}
