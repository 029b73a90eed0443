/** How the popup groups entity types, in display order. */
import type { EntityType } from './knowledge/types';

export interface EntityGroup {
  id: string;
  label: string;
  types: readonly EntityType[];
}

export const ENTITY_GROUPS: readonly EntityGroup[] = [
  { id: 'people', label: 'People', types: ['person'] },
  { id: 'organisations', label: 'Organisations', types: ['organisation', 'agency'] },
  { id: 'armed-groups', label: 'Armed groups', types: ['armed-group'] },
  { id: 'places', label: 'Places', types: ['place'] },
  { id: 'operations', label: 'Operations', types: ['operation', 'unit', 'vessel'] },
  { id: 'drugs', label: 'Drugs', types: ['drug'] },
  { id: 'policies', label: 'Policies', types: ['policy'] },
];

/** Categories a reader can switch off: the entity groups, and claims. */
export const CATEGORIES: readonly { id: string; label: string }[] = [
  ...ENTITY_GROUPS.map(({ id, label }) => ({ id, label })),
  { id: 'claims', label: 'Claims' },
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
