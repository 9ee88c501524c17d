import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage } from '../cycles/common';

/** The success notice of a write: an i18n key, a key with its arguments, or none (the page itself shows the outcome). */
export type SubmitNotice = string | { message: string; args: Record<string, unknown> } | null;

/**
 * One write from a dialog or card: `busy` while it runs (to disable the button), the success notice when it is
 * done (a notice, or one made from the result), then `onDone` with its result; a failure is shown in the console
 * language. Resolves to whether it succeeded.
 */
export const useSubmit = () => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async <T>(write: () => Promise<T>, success: SubmitNotice | ((result: T) => SubmitNotice), onDone?: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await write();
      const notice = typeof success === 'function' ? success(result) : success;
      if (typeof notice === 'string') notify(notice, { type: 'success' });
      else if (notice) notify(notice.message, { type: 'success', messageArgs: notice.args });
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
