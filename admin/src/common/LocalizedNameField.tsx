import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
import { localizedName, type Named } from './localizedName';

export interface LocalizedNameFieldProps {
  /** the object holding name / nameZh (e.g. "department"); omit to use the record itself */
  source?: string;
  /** read by Datagrid / SimpleShowLayout for the column header or row label */
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** Shows a named record in the console's language. */
export const LocalizedNameField = ({ source }: LocalizedNameFieldProps) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value: unknown = source ? record?.[source] : record;
  const named = typeof value === 'object' && value !== null ? (value as Named) : undefined;
  return (
    <Typography component="span" variant="body2">
      {localizedName(named, locale)}
    </Typography>
  );
};
