const choicesOf = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const EMPLOYMENT_STATUSES = ['PROBATION', 'REGULAR', 'INTERN', 'LEFT'] as const;
export const POSITION_LEVELS = ['EMPLOYEE', 'TEAM_LEADER', 'MIDDLE_CADRE', 'SENIOR'] as const;

/** Choice names are i18n keys; react-admin's select inputs and fields translate them. */
export const statusChoices = choicesOf('app.status', EMPLOYMENT_STATUSES);
export const levelChoices = choicesOf('app.level', POSITION_LEVELS);
