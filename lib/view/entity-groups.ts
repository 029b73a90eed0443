/** How the popup groups entity types, in display order. */
import type { MessageKey } from './i18n';
import type { EntityType } from '../knowledge/types';

export interface EntityGroup {
  id: string;
  /** English, for exports; the UI shows `message` in the reader's language. */
  label: string;
  message: MessageKey;
  types: readonly EntityType[];
}

export const ENTITY_GROUPS: readonly EntityGroup[] = [
  { id: 'people', label: 'People', message: 'groupPeople', types: ['person'] },
  { id: 'organisations', label: 'Organisations', message: 'groupOrganisations', types: ['organisation', 'agency'] },
  { id: 'armed-groups', label: 'Armed groups', message: 'groupArmedGroups', types: ['armed-group'] },
  { id: 'places', label: 'Places', message: 'groupPlaces', types: ['place'] },
  { id: 'operations', label: 'Operations', message: 'groupOperations', types: ['operation', 'unit', 'vessel'] },
  { id: 'drugs', label: 'Drugs', message: 'groupDrugs', types: ['drug'] },
  { id: 'policies', label: 'Policies', message: 'groupPolicies', types: ['policy'] },
];

/** Categories a reader can switch off: the entity groups, and claims. */
export const CATEGORIES: readonly { id: string; message: MessageKey }[] = [
  ...ENTITY_GROUPS.map(({ id, message }) => ({ id, message })),
  { id: 'claims', message: 'groupClaims' },
];

export function groupOf(type: EntityType): EntityGroup {
  return ENTITY_GROUPS.find((group) => group.types.includes(type))!;
}

export function groupByType<T extends { type: EntityType }>(items: readonly T[]): { group: EntityGroup; items: T[] }[] {
  return ENTITY_GROUPS.map((group) => ({
    group,
    items: items.filter((item) => group.types.includes(item.type)),
  })).filter((entry) => entry.items.length > 0);
}

/** English, for exports. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  agency: 'Government agency',
  'armed-group': 'Armed group',
  place: 'Place',
  operation: 'Operation',
  unit: 'Military unit',
  vessel: 'Vessel',
  drug: 'Drug',
  policy: 'Policy or designation',
};

export const ENTITY_TYPE_MESSAGES: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  agency: 'typeAgency',
  'armed-group': 'typeArmedGroup',
  place: 'typePlace',
  operation: 'typeOperation',
  unit: 'typeUnit',
  vessel: 'typeVessel',
  drug: 'typeDrug',
  policy: 'typePolicy',
};
