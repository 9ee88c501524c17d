import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { localizedName } from '../../common/localizedName';

/** The fields of a library indicator the builder copies into an item. */
export interface PickedIndicator {
  id: string;
  code: string;
  name: string;
  nameZh: string | null;
  scoringMethod: string;
  minPoints: string | null;
  maxPoints: string;
  active: boolean;
}

const isIndicator = (value: unknown): value is PickedIndicator =>
  typeof value === 'object' && value !== null && typeof (value as PickedIndicator).code === 'string';

/** Searches the indicator library (active indicators) as HR types. */
export const IndicatorPicker = ({ onPick, testId }: { onPick: (indicator: PickedIndicator) => void; testId?: string }) => {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PickedIndicator[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      dataProvider
        .getList('indicators', { filter: { q: query || undefined, active: true }, pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' } })
        .then(({ data }) => live && setOptions(data.filter(isIndicator)))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [dataProvider, query]);
  return (
    <Autocomplete<PickedIndicator>
      size="small"
      sx={{ width: 280 }}
      options={options}
      loading={loading}
      filterOptions={(x) => x}
      value={null}
      getOptionLabel={(o) => `${o.code} · ${localizedName(o, locale)} (${o.maxPoints})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_e, value, reason) => setQuery(reason === 'input' ? value : '')}
      onChange={(_e, value) => value && onPick(value)}
      renderInput={(params) => (
        <TextField {...params} label={translate('app.builder.pick_indicator')} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': testId } }} />
      )}
    />
  );
};
