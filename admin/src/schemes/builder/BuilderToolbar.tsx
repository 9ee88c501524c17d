import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import DownloadIcon from '@mui/icons-material/Download';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button, Chip, Stack } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { Confirm, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { downloadBlob } from '../../import/files';
import { cleanDocument } from '../clean';
import { asSchemeDocument, type SchemeDocument } from '../document';

interface BuilderToolbarProps {
  id: string;
  doc: SchemeDocument;
  dirty: boolean;
  hasDraft: boolean;
  busy: boolean;
  issueCount: number;
  onSave: () => void;
  onPublish: () => void;
  onDiscard: () => void;
  onReplace: (doc: SchemeDocument) => void;
}

/** Loads a JSON file into the builder (replacing the unsaved document; saving makes it the draft). */
const LoadJsonButton = ({ onReplace }: { onReplace: (doc: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const onInput = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const doc = asSchemeDocument(JSON.parse(await file.text()));
      if (!doc) throw new Error('not a scheme');
      onReplace(doc);
      notify('app.builder.loaded', { type: 'info' });
    } catch {
      notify('app.builder.bad_file', { type: 'error' });
    }
  };
  return (
    <Button component="label" size="small" startIcon={<UploadFileIcon />}>
      {translate('app.builder.load_json')}
      <input hidden type="file" accept=".json,application/json" onChange={(e) => void onInput(e)} data-testid="builder-load-json" />
    </Button>
  );
};

/** Save draft, publish, discard, JSON in and out, compare and the read-only view. */
export const BuilderToolbar = ({ id, doc, dirty, hasDraft, busy, issueCount, onSave, onPublish, onDiscard, onReplace }: BuilderToolbarProps) => {
  const translate = useTranslate();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const exportJson = () => {
    const blob = new Blob([JSON.stringify(cleanDocument(doc), null, 2)], { type: 'application/json' });
    downloadBlob(blob, `${doc.code || 'scheme'}.json`);
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Chip
        data-testid="draft-state"
        color={dirty ? 'warning' : 'default'}
        label={translate(dirty ? 'app.builder.unsaved' : hasDraft ? 'app.builder.draft_saved' : 'app.builder.no_draft')}
      />
      <Button variant="contained" startIcon={<SaveIcon />} disabled={busy || (!dirty && hasDraft)} onClick={onSave}>
        {translate('app.builder.save_draft')}
      </Button>
      <Button variant="contained" color="success" startIcon={<PublishIcon />} disabled={busy || issueCount > 0} onClick={onPublish}>
        {translate('app.builder.publish')}
      </Button>
      <Button color="error" startIcon={<DeleteSweepIcon />} disabled={busy || !hasDraft} onClick={() => setConfirmDiscard(true)}>
        {translate('app.builder.discard')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={exportJson}>
        {translate('app.builder.export_json')}
      </Button>
      <LoadJsonButton onReplace={onReplace} />
      <Button size="small" component={Link} to={`/schemes/${encodeURIComponent(id)}/compare`} startIcon={<CompareArrowsIcon />}>
        {translate('app.scheme.compare')}
      </Button>
      <Button size="small" component={Link} to={`/schemes/${encodeURIComponent(id)}/show`} startIcon={<VisibilityIcon />}>
        {translate('ra.action.show')}
      </Button>
      <Confirm
        isOpen={confirmDiscard}
        title="app.builder.discard_title"
        content="app.builder.discard_content"
        onConfirm={() => {
          setConfirmDiscard(false);
          onDiscard();
        }}
        onClose={() => setConfirmDiscard(false)}
      />
    </Stack>
  );
};
