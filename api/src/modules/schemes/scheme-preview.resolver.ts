import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import { previewExplanation, previewScheme, validateSchemeDocument } from './scheme-preview.service.js';
import { PreviewSchemeInput, SchemePreview, SchemeValidation } from './schemes.inputs.js';

@Resolver(() => SchemePreview)
export class SchemePreviewResolver {
  @Query(() => SchemeValidation, { description: 'Every issue the engine finds in a scheme document, with paths and rule codes (HR).' })
  @ArgLimits({ document: 'document' })
  validateScheme(@Arg('document', () => JSONResolver) document: unknown) {
    return validateSchemeDocument(document);
  }

  @Query(() => SchemePreview, { description: 'Computes a sample appraisal: HR with any scheme or document; others with published versions they may read.' })
  previewScheme(@Ctx() ctx: RequestContext, @Arg('input', () => PreviewSchemeInput) input: PreviewSchemeInput) {
    return previewScheme(ctx, input);
  }

  @FieldResolver(() => [String], { description: 'The computation step by step, in "en" or "zh".' })
  @ArgLimits({ locale: 'code' })
  explanation(@Root() preview: SchemePreview, @Arg('locale', () => String, { defaultValue: 'en', description: '"en" or "zh".' }) locale: string) {
    return previewExplanation(preview, locale);
  }
}
