import AddIcon from '@mui/icons-material/Add';
import { Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { newSection, type SchemeDocument } from '../document';
import { DocSelect, removeAt, replaceAt } from './inputs';
import { SectionCard } from './SectionCard';
import { WeightSum } from './WeightSum';

interface Props {
  doc: SchemeDocument;
  onChange: (doc: SchemeDocument) => void;
}

/** The sections with the live sum of their weights above them. */
export const SectionsEditor = ({ doc, onChange }: Props) => {
  const translate = useTranslate();
  const weighted = doc.sectionWeighting === 'weighted';
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <DocSelect
          label="app.builder.section_weighting"
          value={doc.sectionWeighting}
          options={['weighted', 'sum'] as const}
          prefix="app.builder.section_weighting_kind"
          width={300}
          path="sectionWeighting"
          onChange={(sectionWeighting) => onChange({ ...doc, sectionWeighting })}
        />
        {weighted && (
          <WeightSum weights={doc.sections.map((s) => s.weight)} wrongKey="app.builder.section_sum_wrong" okKey="app.builder.section_sum_ok" testId="section-weight-sum" />
        )}
      </Stack>
      {doc.sections.map((section, i) => (
        <SectionCard
          key={i}
          section={section}
          index={i}
          weighted={weighted}
          onChange={(next) => onChange({ ...doc, sections: replaceAt(doc.sections, i, next) })}
          onRemove={doc.sections.length > 1 ? () => onChange({ ...doc, sections: removeAt(doc.sections, i) }) : undefined}
        />
      ))}
      <Button startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...doc, sections: [...doc.sections, newSection(doc.sections.length + 1)] })}>
        {translate('app.builder.add_section')}
      </Button>
    </Stack>
  );
};
