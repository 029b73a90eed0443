/** How the popup groups entity types, in display order. */
import type { EntityType } from './knowledge/types';

export interface EntityGroup {
  label: string;
  types: readonly EntityType[];
}

export const ENTITY_GROUPS: readonly EntityGroup[] = [
  { label: 'People', types: ['person'] },
  { label: 'Organisations', types: ['organisation', 'agency'] },
  { label: 'Armed groups', types: ['armed-group'] },
  { label: 'Places', types: ['place'] },
  { label: 'Operations', types: ['operation', 'unit', 'vessel'] },
  { label: 'Drugs', types: ['drug'] },
  { label: 'Policies', types: ['policy'] },
];

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
