import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage } from '../cycles/common';

/**
 * One write from a dialog or card: `busy` while it runs (to disable the button), the success message (an i18n
 * key) when it is done, then `onDone` with its result; a failure is shown in the console language. Resolves to
 * whether it succeeded.
 */
export const useSubmit = () => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async <T>(write: () => Promise<T>, success: string, onDone?: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await write();
      notify(success, { type: 'success' });
      onDone?.(result);
      return true;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
};
