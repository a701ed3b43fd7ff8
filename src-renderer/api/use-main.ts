import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../src-main/api';
import { useUi } from '../state/ui';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiFailure };

/** Reads something from main and reads it again whenever main's data changes. */
export function useMain<T>(load: () => Promise<ApiResult<T>>, deps: readonly unknown[]): Loadable<T> {
  const revision = useUi((s) => s.revision);
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the inputs of `load` as deps.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    void stableLoad().then((result) => {
      if (!live) return;
      setValue(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, revision]);
  return value;
}

/** Runs a call that changes something; failures become a toast, success refreshes every view. */
export async function change<T>(call: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const result = await call;
  const ui = useUi.getState();
  if (result.ok) ui.dataChanged();
  else ui.showFailure(result.error);
  return result;
}
