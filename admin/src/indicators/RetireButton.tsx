import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/** Retire (or reactivate) through its mutation; schemes that already use the indicator keep it unchanged. */
export const RetireButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const active = record.active === true;
  const run = async () => {
    setBusy(true);
    try {
      const id = String(record.id);
      const version = Number(record.version);
      if (active) await dataProvider.retireIndicator(id, version);
      else await dataProvider.reactivateIndicator(id, version);
      notify(active ? 'app.indicator.retired' : 'app.indicator.reactivated', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label={active ? 'app.indicator.retire' : 'app.indicator.reactivate'}
        startIcon={active ? <BlockIcon /> : <RestoreIcon />}
        onClick={() => (active ? setOpen(true) : void run())}
        disabled={busy}
      />
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.indicator.retire_title"
        content="app.indicator.retire_content"
        onConfirm={() => void run()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
