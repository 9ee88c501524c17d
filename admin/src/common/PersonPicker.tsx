import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { EmployeeChoice } from '../dataProvider/cycleApi';
import { useCycleApi } from '../cycles/useCycleApi';

interface PersonPickerProps {
  value: EmployeeChoice | null;
  onChange: (person: EmployeeChoice | null) => void;
  /** The field's label (an i18n key). */
  label: string;
  testId?: string;
  /** Take the width of the form (dialogs) instead of a filter's fixed width. */
  fullWidth?: boolean;
}

/**
 * Picks an active employee by name or number, searching as one types (the API's employee search, within what
 * the caller may see: HR everyone, a supervisor their line). Used for ledger filters and entries, raters and
 * appeal handlers.
 */
export const PersonPicker = ({ value, onChange, label, testId, fullWidth = false }: PersonPickerProps) => {
  const api = useCycleApi();
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<EmployeeChoice[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.searchEmployees(q).then(
        (found) => live && setOptions(found),
        () => live && setOptions([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, q]);
  return (
    <Autocomplete
      size="small"
      fullWidth={fullWidth}
      sx={fullWidth ? undefined : { width: 280 }}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      filterOptions={(o) => o}
      getOptionLabel={(p) => `${p.name} (${p.employeeNumber})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, p) => onChange(p)}
      onInputChange={(_e, text, reason) => reason === 'input' && setQ(text)}
      noOptionsText={translate('app.raters.no_match')}
      renderInput={(params) => <TextField {...params} label={translate(label)} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': testId } }} />}
    />
  );
};
