/**
 * Compile-time check of the hand-written API types against the gateway's OpenAPI document
 * (openapi.json, kept equal to the gateway's own by the gateway's OpenApiDocumentTest; the
 * openapi.gen.ts types are generated from it by `npm run gen:api`). A field the gateway renames,
 * adds or drops fails `npm run typecheck` here.
 */
import type {
  Generation,
  GenerationRequest,
  GenerationStatus,
  GalleryPage,
  Limits,
  LinkChange,
  LinkLimits,
  LinkView,
  DayCounts,
  ModuleMap,
  VersionHint,
  ContentType,
  Parameters,
  Range,
  ScanReport,
  SessionView,
} from './api';
import type { components } from './openapi.gen';

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const contract: {
  generation: SameKeys<Generation, Schemas['Generation']>;
  request: SameKeys<GenerationRequest, Schemas['GenerationRequest']>;
  status: Same<GenerationStatus, Schemas['GenerationStatus']>;
  gallery: SameKeys<GalleryPage, Schemas['Page']>;
  limits: SameKeys<Limits, Schemas['Limits']>;
  defaults: SameKeys<Limits['defaults'], Schemas['Defaults']>;
  parameters: SameKeys<Parameters, Schemas['Parameters']>;
  range: SameKeys<Range, Schemas['Range']>;
  scanReport: SameKeys<ScanReport, Schemas['ScanReport']>;
  moduleMap: SameKeys<ModuleMap, Schemas['ModuleMap']>;
  contentType: SameKeys<ContentType, Schemas['ContentType']>;
  uploads: SameKeys<Limits['uploads'], Schemas['Uploads']>;
  session: SameKeys<SessionView, Schemas['SessionView']>;
  links: SameKeys<LinkLimits, Schemas['Links']>;
  versionHint: SameKeys<VersionHint, Schemas['VersionHint']>;
  linkView: SameKeys<LinkView, Schemas['LinkView']>;
  linkChange: SameKeys<LinkChange, Schemas['Change']>;
  dayCounts: SameKeys<DayCounts, Schemas['DayCounts']>;
} = {
  generation: true,
  request: true,
  status: true,
  gallery: true,
  limits: true,
  defaults: true,
  parameters: true,
  range: true,
  scanReport: true,
  moduleMap: true,
  contentType: true,
  uploads: true,
  session: true,
  links: true,
  versionHint: true,
  linkView: true,
  linkChange: true,
  dayCounts: true,
};
