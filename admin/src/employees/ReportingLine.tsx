import { LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { canListEmployees, isCommitteeOnly } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import type { EmployeeRelation } from '../dataProvider';
import { PersonList } from './PersonList';
import { useEmployeeRelation } from './useEmployeeRelation';

const RelationList = ({ relation, emptyText, testId }: { relation: EmployeeRelation; emptyText: string; testId: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { roles } = useRoles();
  const state = useEmployeeRelation(record ? String(record.id) : undefined, relation);
  if (state.status === 'loading') return <LinearProgress sx={{ width: 120 }} />;
  if (state.status === 'failed') {
    // Typically FORBIDDEN: the API does not show this person's line to the viewer.
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate('app.employee.relation_hidden', { reason: translate(state.message) })}
      </Typography>
    );
  }
  return (
    <PersonList
      people={state.people}
      emptyText={emptyText}
      linkable={canListEmployees(roles) && !isCommitteeOnly(roles)}
      testId={testId}
    />
  );
};

/** Supervisors upward, direct supervisor first. */
export const ReportingLine = (_props: { label?: string }) => (
  <RelationList relation="reportingLine" emptyText="app.employee.no_supervisor" testId="reporting-line" />
);

export const DirectReports = (_props: { label?: string }) => (
  <RelationList relation="directReports" emptyText="app.employee.no_reports" testId="direct-reports" />
);
