import { Alert, AlertTitle, Box, Button, Collapse, FormControlLabel, Link, List, ListItem, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { SchemeIssue } from '../../dataProvider';
import { useDescribeIssue } from './issues';

interface IssuesSummaryProps {
  issues: readonly SchemeIssue[];
  checking: boolean;
  /** Opens the part of the builder where the issue's field is (its tab). */
  onOpen?: (issue: SchemeIssue) => void;
}

/**
 * Every issue of the document in words, so the ones whose field is on another tab are not lost; each opens
 * its tab. Where in the document and which rule (path and code) stay available as details.
 */
export const IssuesSummary = ({ issues, checking, onOpen }: IssuesSummaryProps) => {
  const translate = useTranslate();
  const describe = useDescribeIssue();
  const [open, setOpen] = useState(true);
  const [details, setDetails] = useState(false);
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
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <FormControlLabel
            control={<Switch size="small" checked={details} onChange={(e) => setDetails(e.target.checked)} data-testid="issue-details-toggle" />}
            label={<Typography variant="caption">{translate('app.builder.issue_details')}</Typography>}
          />
          <Button size="small" color="inherit" onClick={() => setOpen(!open)}>
            {translate(open ? 'app.action.collapse_all' : 'app.action.expand_all')}
          </Button>
        </Stack>
      }
    >
      <AlertTitle>{translate('app.builder.issues', { smart_count: issues.length })}</AlertTitle>
      <Collapse in={open}>
        <List dense disablePadding>
          {issues.map((issue, i) => (
            <ListItem key={`${issue.path}-${issue.code}-${i}`} disableGutters sx={{ py: 0, display: 'block' }} data-testid="scheme-issue">
              <Typography variant="body2" component="span">
                {onOpen ? (
                  <Link component="button" type="button" variant="body2" color="inherit" onClick={() => onOpen(issue)} sx={{ textAlign: 'left', verticalAlign: 'baseline' }}>
                    {describe(issue)}
                  </Link>
                ) : (
                  describe(issue)
                )}
              </Typography>
              <Collapse in={details} unmountOnExit>
                <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: 12 }} data-testid="scheme-issue-detail">
                  <code>{issue.path || '/'}</code> · <code>{issue.code}</code>
                </Box>
              </Collapse>
            </ListItem>
          ))}
        </List>
      </Collapse>
    </Alert>
  );
};
