import type * as nl from '../nl/deliveries.ts';

export const deliveries: typeof nl.deliveries = {
  title: 'Deliveries',
  filters: {
    heading: 'Filter',
    q: 'Search',
    qHint: 'By title, description, company or contract reference',
    all: 'All',
    realisedFrom: 'Realised from',
    realisedTo: 'Realised up to and including',
    reset: 'Clear filters',
  },
  count_one: '{{count}} delivery found',
  count_other: '{{count}} deliveries found',
  countMoreThan: 'More than {{number, number}} deliveries found',
  caption: 'Deliveries, sorted by {{column}}, {{direction}}',
  ascending: 'ascending',
  descending: 'descending',
  columns: {
    title: 'Title',
    supportType: 'Type of support',
    category: 'Category',
    stage: 'Stage',
    committedAt: 'Committed',
    realisedAt: 'Realised',
    createdAt: 'Recorded',
    valueCents: 'Value',
  },
  noStage: 'No stage yet',
  empty: 'No deliveries match the filters.',
  pagination: {
    label: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    pageSize: 'Deliveries per page',
  },
};
