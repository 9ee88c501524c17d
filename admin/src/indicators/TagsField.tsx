import { Chip, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** The indicator's tags as chips (react-admin's ChipField needs records, tags are plain strings). */
export const TagsField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const tags: unknown = record?.tags;
  if (!Array.isArray(tags) || tags.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {tags.map((tag) => (
        <Chip key={String(tag)} label={String(tag)} size="small" />
      ))}
    </Stack>
  );
};
