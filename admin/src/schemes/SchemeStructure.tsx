import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { localText } from './choices';
import type { TypedDocument } from './types';

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="subtitle1" sx={{ mt: 2 }}>
    {children}
  </Typography>
);

const Head = ({ labels }: { labels: string[] }) => {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {labels.map((l) => (
          <TableCell key={l}>{translate(l)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
};

const bounds = (b: TypedDocument['gradeBands'][number]) => `${b.minInclusive ? '[' : '('}${b.min}, ${b.max}${b.maxInclusive ? ']' : ')'}`;

const Sections = ({ doc }: { doc: TypedDocument }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Table size="small" data-testid="structure-sections">
      <Head labels={['app.builder.section', 'app.builder.weight', 'app.builder.raters', 'app.builder.items']} />
      <TableBody>
        {doc.sections.map((s) => (
          <TableRow key={s.id} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <strong>{localText(s.name, locale)}</strong>
              <Typography variant="caption" display="block">
                {translate('app.builder.missing_rater')}: {translate(`app.builder.policy.${s.missingRater}`, { _: s.missingRater })}
              </Typography>
            </TableCell>
            <TableCell>{s.weight ?? '-'}</TableCell>
            <TableCell>
              {s.raters.map((r) => (
                <Typography key={r.role} variant="body2">{`${translate(`app.scheme.role.${r.role}`)} ${r.weight}%`}</Typography>
              ))}
            </TableCell>
            <TableCell>
              {s.items.map((i) => (
                <Typography key={i.id} variant="body2">
                  {`${localText(i.name, locale)} — ${i.maxPoints}${i.weight ? ` · ${i.weight}%` : ''}${i.passMark ? ` · ${translate('app.builder.pass_mark')} ${i.passMark}` : ''} · ${translate(`app.builder.kind.${i.method}`, { _: i.method })}`}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The typed, read-only structure of a scheme document (what employees and supervisors see). */
export const SchemeStructure = ({ doc }: { doc: TypedDocument }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1} data-testid="scheme-structure">
      <Heading>{translate('app.builder.tab.sections')}</Heading>
      <Typography variant="body2">{translate(`app.builder.section_weighting_kind.${doc.sectionWeighting}`, { _: doc.sectionWeighting })}</Typography>
      <Sections doc={doc} />
      {doc.adjustmentRules.length > 0 && (
        <>
          <Heading>{translate('app.builder.tab.adjustments')}</Heading>
          <Table size="small">
            <Head labels={['app.scheme.rule_name', 'app.builder.direction', 'app.builder.unit', 'app.builder.amount', 'app.builder.per_rule_cap']} />
            <TableBody>
              {doc.adjustmentRules.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{localText(r.name, locale)}</TableCell>
                  <TableCell>{translate(`app.builder.direction_kind.${r.direction}`, { _: r.direction })}</TableCell>
                  <TableCell>{translate(`app.builder.unit_kind.${r.unit}`, { _: r.unit })}</TableCell>
                  <TableCell>{r.min === r.max ? r.min : `${r.min ?? ''} – ${r.max ?? ''}`}</TableCell>
                  <TableCell>{r.perRuleCap ?? '-'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Heading>{translate('app.builder.tab.grades')}</Heading>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="structure-bands">
        {doc.gradeBands.map((b) => (
          <Chip key={b.grade} label={`${localText(b.label, locale)} ${bounds(b)}`} />
        ))}
      </Stack>
      {doc.quotas.length > 0 && (
        <>
          <Heading>{translate('app.builder.tab.quotas')}</Heading>
          {doc.quotas.map((q) => (
            <Typography key={`${q.grade}-${q.bound}`} variant="body2">
              {`${localText(doc.gradeBands.find((b) => b.grade === q.grade)?.label, locale) || q.grade}: ${translate(`app.builder.bound_kind.${q.bound}`, { _: q.bound })} ${q.percent}%${q.cumulative ? ` (${translate('app.builder.cumulative')})` : ''}`}
            </Typography>
          ))}
        </>
      )}
      {doc.payComponents.length > 0 && (
        <>
          <Heading>{translate('app.builder.tab.pay')}</Heading>
          {doc.payComponents.map((p) => (
            <Typography key={p.id} variant="body2">{`${localText(p.name, locale)} — ${translate(`app.builder.pay_kind_name.${p.kind}`, { _: p.kind })}`}</Typography>
          ))}
        </>
      )}
      {(doc.finalFormula || doc.rollups.length > 0) && (
        <>
          <Heading>{translate('app.builder.tab.formulas')}</Heading>
          {doc.finalFormula && (
            <Typography variant="body2">
              {`${translate('app.builder.final_formula')} = `}
              <code>{doc.finalFormula}</code>
            </Typography>
          )}
          {doc.rollups.map((r) => (
            <Typography key={r.id} variant="body2">
              {`${localText(r.name, locale)} = `}
              <code>{r.formula}</code>
            </Typography>
          ))}
        </>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('app.builder.rounding_summary', {
          places: doc.rounding.places,
          mode: translate(`app.builder.mode.${doc.rounding.mode}`, { _: doc.rounding.mode }),
          at: doc.rounding.applyAt.map((a) => translate(`app.builder.apply.${a}`, { _: a })).join(', '),
        })}
      </Typography>
      {doc.notes.length > 0 && (
        <>
          <Heading>{translate('app.scheme.notes')}</Heading>
          {doc.notes.map((n, i) => (
            <Typography key={i} variant="body2" color="text.secondary">{`• ${localText(n, locale)}`}</Typography>
          ))}
        </>
      )}
    </Stack>
  );
};
