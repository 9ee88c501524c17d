import { Button, Card, CardActions, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { type ConsoleEntry, entriesFor } from '../auth/capabilities';
import type { Role } from '../auth/roles';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';
import { ENTRY_ICONS } from '../layout/Menu';
import { RolePanels } from './RolePanels';

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

const EntryCard = ({ entry }: { entry: ConsoleEntry }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }} data-testid={`dashboard-${entry.key}`}>
      <CardContent sx={{ flex: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, color: 'primary.main' }}>
          {ENTRY_ICONS[entry.key]}
          <Typography variant="h6" component="h2" color="text.primary">
            {translate(entry.label, { smart_count: 2 })}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {translate(`app.entry.${entry.key}`)}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={Link} to={entry.to} size="small">
          {translate('app.dashboard.open')}
        </Button>
      </CardActions>
    </Card>
  );
};

/** Greets the signed-in person by name, shows what their roles need first (RolePanels) and offers exactly the places their roles may open. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { roles } = useRoles();
  const roleNames = roles.map((r) => translate(`app.roles.${r}`)).join(translate('app.list_separator'));
  const employeeId = readSession()?.user.employeeId;
  const entries = entriesFor(roles, employeeId);
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
              <RolePanels roles={roles} employeeId={employeeId} />
              <Grid container spacing={2}>
                {entries.map((entry) => (
                  <Grid key={entry.key} size={{ xs: 12, sm: 6, md: 4 }}>
                    <EntryCard entry={entry} />
                  </Grid>
                ))}
              </Grid>
            </>
          ) : (
            <Typography>{translate('app.dashboard.no_roles')}</Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
