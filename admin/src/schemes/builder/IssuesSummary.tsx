import { Alert, AlertTitle, Collapse, Button, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { SchemeIssue } from '../../dataProvider';

/** Every issue of the document, with its path, so the ones without an input on screen are not lost. */
export const IssuesSummary = ({ issues, checking }: { issues: readonly SchemeIssue[]; checking: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(true);
  if (issues.length === 0) {
    return (
      <Alert severity="success" data-testid="scheme-issues">
        {translate(checking ? 'app.builder.checking' : 'app.builder.valid')}
      </Alert>
    );
  }
  return (
    <Alert
      severity="warning"
      data-testid="scheme-issues"
      action={
        <Button size="small" color="inherit" onClick={() => setOpen(!open)}>
          {translate(open ? 'app.action.collapse_all' : 'app.action.expand_all')}
        </Button>
      }
    >
      <AlertTitle>{translate('app.builder.issues', { smart_count: issues.length })}</AlertTitle>
      <Collapse in={open}>
        <List dense disablePadding>
          {issues.map((issue, i) => (
            <ListItem key={`${issue.path}-${issue.code}-${i}`} disableGutters sx={{ py: 0 }}>
              <Typography variant="body2">
                <code>{issue.path || '/'}</code> — {issue.message}
              </Typography>
            </ListItem>
          ))}
        </List>
      </Collapse>
    </Alert>
  );
};
