import { Box, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { characterPosition, useIssueAt, useIssuesAt } from './issues';

interface FormulaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  path: string;
  testId?: string;
  width?: number | string;
}

/**
 * A formula input with the server's message under it and, when the message names a character
 * position, the formula repeated with a caret under the offending character.
 */
export const FormulaField = ({ label, value, onChange, path, testId, width = '100%' }: FormulaFieldProps) => {
  const translate = useTranslate();
  const issue = useIssueAt(path);
  const position = useIssuesAt(path).map(characterPosition).find((p) => p !== undefined);
  return (
    <Box sx={{ width }}>
      <TextField
        fullWidth
        size="small"
        label={translate(label)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={issue !== undefined}
        helperText={issue}
        slotProps={{ htmlInput: { 'data-testid': testId, style: { fontFamily: 'monospace' } } }}
      />
      {position !== undefined && (
        <Typography component="pre" variant="caption" color="error" data-testid={testId ? `${testId}-caret` : undefined} sx={{ fontFamily: 'monospace', m: 0, pl: 1.75 }}>
          {`${value}\n${' '.repeat(Math.max(0, position))}^`}
        </Typography>
      )}
    </Box>
  );
};
