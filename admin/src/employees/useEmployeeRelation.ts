import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider, EmployeeRelation, PersonSummary } from '../dataProvider';

export type RelationState =
  | { status: 'loading' }
  | { status: 'loaded'; people: PersonSummary[] }
  | { status: 'failed'; message: string };

/** Loads one relation of an employee (reporting line or direct reports) for the show page. */
export const useEmployeeRelation = (id: string | undefined, relation: EmployeeRelation): RelationState => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [state, setState] = useState<RelationState>({ status: 'loading' });
  useEffect(() => {
    if (!id) return undefined;
    let cancelled = false;
    setState({ status: 'loading' });
    dataProvider.employeeRelation(id, relation).then(
      (people) => !cancelled && setState({ status: 'loaded', people }),
      (error: unknown) =>
        !cancelled && setState({ status: 'failed', message: error instanceof Error ? error.message : 'ra.notification.http_error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, id, relation]);
  return state;
};
