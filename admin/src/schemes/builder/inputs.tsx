import { useEffect, useState } from 'react';
import { FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { LocalText } from '../document';
import { useIssueAt } from './issues';

interface TextProps {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  /** document path whose server issues show under the input */
  path?: string;
  width?: number | string;
  placeholder?: string;
  testId?: string;
  multiline?: boolean;
}

/**
 * A narrow input (a number, a code) grows while it shows an issue, so the sentence under it reads in a few
 * lines instead of a word per line; rows wrap around it.
 */
const widthWithIssue = (width: number | string, issue: string | undefined): number | string =>
  issue !== undefined && typeof width === 'number' ? Math.max(width, 280) : width;

/** A small text input bound to a document field, with the server's issue for its path as the error text. */
export const DocText = ({ label, value, onChange, path, width = 140, placeholder, testId, multiline }: TextProps) => {
  const translate = useTranslate();
  const issue = useIssueAt(path ?? '\u0000');
  return (
    <TextField
      size="small"
      label={translate(label)}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      error={issue !== undefined}
      helperText={issue}
      placeholder={placeholder}
      multiline={multiline}
      sx={{ width: widthWithIssue(width, issue) }}
      slotProps={{ htmlInput: { 'data-testid': testId, 'data-path': path } }}
    />
  );
};

/** Optional decimal: an empty input removes the field from the document. */
export const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  /** i18n prefix of the option labels, e.g. app.scheme.role; without one the options are shown as they are (grade ids) */
  prefix?: string;
  onChange: (value: T) => void;
  path?: string;
  width?: number;
  testId?: string;
}

export const DocSelect = <T extends string>({ label, value, options, prefix, onChange, path, width = 180, testId }: SelectProps<T>) => {
  const translate = useTranslate();
  const issue = useIssueAt(path ?? '\u0000');
  return (
    <TextField
      select
      size="small"
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
      error={issue !== undefined}
      helperText={issue}
      sx={{ width: widthWithIssue(width, issue) }}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {prefix ? translate(`${prefix}.${option}`) : option}
        </MenuItem>
      ))}
    </TextField>
  );
};

export const DocSwitch = ({ label, checked, onChange }: { label: string; checked: boolean; onChange: (value: boolean) => void }) => {
  const translate = useTranslate();
  return (
    <FormControlLabel
      control={<Switch size="small" checked={checked} onChange={(e) => onChange(e.target.checked)} />}
      label={translate(label)}
    />
  );
};

/** The English and Chinese label of something. */
export const LocalTextInputs = ({ value, onChange, path, width = 200, multiline }: { value: LocalText; onChange: (v: LocalText) => void; path: string; width?: number | string; multiline?: boolean }) => (
  <>
    <DocText label="app.builder.name_en" value={value.en} onChange={(en) => onChange({ ...value, en })} path={`${path}.en`} width={width} multiline={multiline} />
    <DocText label="app.builder.name_zh" value={value.zh} onChange={(zh) => onChange({ ...value, zh })} path={`${path}.zh`} width={width} multiline={multiline} />
  </>
);

/** Replaces one element of a list immutably. */
export const replaceAt = <T,>(list: readonly T[], index: number, value: T): T[] => list.map((v, i) => (i === index ? value : v));
export const removeAt = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * A comma-separated list (formula inputs, item ids). The raw text is kept while typing so a trailing
 * comma survives; the document gets the parsed list.
 */
export const DocListText = ({ label, value, onChange, path, width = 320 }: { label: string; value: readonly string[]; onChange: (v: string[]) => void; path?: string; width?: number }) => {
  const [text, setText] = useState(value.join(', '));
  const joined = value.join(', ');
  useEffect(() => {
    if (splitList(text).join(', ') !== joined) setText(joined);
    // Only an outside change of the list (another editor, an import) replaces the text.
  }, [joined]);
  return (
    <DocText
      label={label}
      value={text}
      path={path}
      width={width}
      onChange={(next) => {
        setText(next);
        onChange(splitList(next));
      }}
    />
  );
};
