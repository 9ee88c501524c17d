import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { canListEmployees, canReadOrg, type Role } from '../auth/roles';
import { useRoles } from '../auth/useRoles';

const hintFor = (roles: Role[]): string => {
  if (canReadOrg(roles)) return 'app.dashboard.hint_org';
  if (roles.includes('SUPERVISOR')) return 'app.dashboard.hint_supervisor';
  if (canListEmployees(roles)) return 'app.dashboard.hint_committee';
  return 'app.dashboard.hint_employee';
};

const RoleChips = ({ roles }: { roles: Role[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1}>
      {roles.map((role) => (
        <Chip key={role} label={translate(`app.roles.${role}`)} color="primary" variant="outlined" data-testid={`role-${role}`} />
      ))}
    </Stack>
  );
};

/** Greets the signed-in person by name and says what they can do here. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { roles } = useRoles();
  const roleNames = roles.map((r) => translate(`app.roles.${r}`)).join(', ');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.dashboard" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1" data-testid="greeting">
            {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          {roles.length > 0 ? (
            <>
              <Typography color="text.secondary">{translate('app.dashboard.roles', { roles: roleNames })}</Typography>
              <RoleChips roles={roles} />
              <Typography>{translate(hintFor(roles))}</Typography>
            </>
          ) : (
            <Typography>{translate('app.dashboard.no_roles')}</Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
