import { List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import type { PersonSummary } from '../dataProvider';

const PersonText = ({ person }: { person: PersonSummary }) => {
  const [locale] = useLocaleState();
  const position = localizedName(person.position, locale);
  return (
    <ListItemText
      primary={person.employeeNumber ? `${person.name} (${person.employeeNumber})` : person.name}
      secondary={position || undefined}
    />
  );
};

/** A short list of people, linked to their show pages when the viewer may open them. */
export const PersonList = ({ people, emptyText, linkable, testId }: {
  people: readonly PersonSummary[];
  emptyText: string;
  linkable: boolean;
  testId: string;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (people.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate(emptyText)}
      </Typography>
    );
  }
  return (
    <List dense disablePadding data-testid={testId}>
      {people.map((person) => (
        <ListItem key={person.id} disablePadding>
          {linkable ? (
            <ListItemButton component={Link} to={createPath({ resource: 'employees', id: person.id, type: 'show' })}>
              <PersonText person={person} />
            </ListItemButton>
          ) : (
            <PersonText person={person} />
          )}
        </ListItem>
      ))}
    </List>
  );
};
