import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Badge, Button, Card, CardContent, CardHeader, Chip, IconButton, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { localText } from '../choices';
import { newItem, type SchemeSection } from '../document';
import { sumDecimals } from '../decimal';
import { DocSelect, DocText, LocalTextInputs, optional, removeAt, replaceAt } from './inputs';
import { useIssuesUnder } from './issues';
import { ItemEditor } from './ItemEditor';
import { RatersEditor } from './RatersEditor';
import { WeightSum } from './WeightSum';

interface SectionCardProps {
  section: SchemeSection;
  index: number;
  weighted: boolean;
  onChange: (section: SchemeSection) => void;
  onRemove?: () => void;
}

/** One section: its name, weight in the total, raters and items. */
export const SectionCard = ({ section, index, weighted, onChange, onRemove }: SectionCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const path = `sections[${index}]`;
  const issues = useIssuesUnder(path);
  const itemsWeighted = section.itemWeighting === 'weighted';
  const fullMarks = sumDecimals(section.items.map((i) => i.maxPoints)).sum;
  return (
    <Card variant="outlined" data-testid={`section-${section.id}`}>
      <CardHeader
        title={
          <Badge color="error" badgeContent={issues.length} invisible={issues.length === 0}>
            <Typography variant="h6">{localText(section.name, locale) || section.id}</Typography>
          </Badge>
        }
        subheader={translate('app.builder.section_summary', { items: section.items.length, points: fullMarks })}
        action={
          onRemove && (
            <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
              <DeleteIcon />
            </IconButton>
          )
        }
      />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <DocText label="app.builder.id" value={section.id} path={`${path}.id`} width={150} onChange={(id) => onChange({ ...section, id })} />
            <LocalTextInputs value={section.name} path={`${path}.name`} onChange={(name) => onChange({ ...section, name })} />
            {weighted && (
              <DocText
                label="app.builder.section_weight"
                value={section.weight}
                path={`${path}.weight`}
                width={120}
                testId={`weight-${section.id}`}
                onChange={(v) => onChange({ ...section, weight: optional(v) })}
              />
            )}
          </Stack>
          <RatersEditor section={section} path={path} onChange={onChange} />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <DocSelect
              label="app.builder.item_weighting"
              value={section.itemWeighting}
              options={['points', 'weighted'] as const}
              prefix="app.builder.item_weighting_kind"
              width={300}
              path={`${path}.itemWeighting`}
              onChange={(itemWeighting) => onChange({ ...section, itemWeighting })}
            />
            {!itemsWeighted && (
              <DocText label="app.builder.normalize_to" value={section.normalizeTo} path={`${path}.normalizeTo`} width={120} onChange={(v) => onChange({ ...section, normalizeTo: optional(v) })} />
            )}
            {itemsWeighted && (
              <WeightSum weights={section.items.map((i) => i.weight)} wrongKey="app.builder.item_sum_wrong" okKey="app.builder.item_sum_ok" testId={`${path}-item-sum`} />
            )}
          </Stack>
          <Accordion variant="outlined" defaultExpanded={section.items.length <= 3} disableGutters>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid={`${path}-items-toggle`}>
              <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, alignItems: 'center' }}>
                <Badge color="error" variant="dot" invisible={!issues.some((i) => i.path.startsWith(`${path}.items`))}>
                  <Typography variant="subtitle2" sx={{ mr: 1 }}>
                    {translate('app.builder.items')}
                  </Typography>
                </Badge>
                {section.items.map((item, i) => (
                  <Chip key={i} size="small" variant="outlined" label={`${localText(item.name, locale) || item.id} · ${item.maxPoints}${item.weight ? ` · ${item.weight}%` : ''}`} />
                ))}
              </Stack>
            </AccordionSummary>
            <AccordionDetails>
              <Stack spacing={1}>
                {section.items.map((item, i) => (
                  <ItemEditor
                    key={i}
                    item={item}
                    path={`${path}.items[${i}]`}
                    weighted={itemsWeighted}
                    onChange={(next) => onChange({ ...section, items: replaceAt(section.items, i, next) })}
                    onRemove={section.items.length > 1 ? () => onChange({ ...section, items: removeAt(section.items, i) }) : undefined}
                  />
                ))}
                <Button
                  size="small"
                  startIcon={<AddIcon />}
                  sx={{ alignSelf: 'flex-start' }}
                  onClick={() => onChange({ ...section, items: [...section.items, newItem(section.items.length + 1)] })}
                >
                  {translate('app.builder.add_item')}
                </Button>
              </Stack>
            </AccordionDetails>
          </Accordion>
        </Stack>
      </CardContent>
    </Card>
  );
};
