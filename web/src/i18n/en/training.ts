import type { training as nl } from '../nl/training.ts';

export const training: typeof nl = {
  title: 'Training',
  intro:
    'The training programmes for Ukrainian soldiers the Netherlands contributes to, with their latest count. A count runs up to a date; the letter takes per programme the latest count up to its reference date, and names the figures by the short name, such as training:stc.trainers.',
  listHeading: 'Programmes',
  listCaption: 'Training programmes with their latest count',
  columns: {
    name: 'Programme',
    key: 'Short name',
    host: 'Country and framework',
    system: 'Trained on',
    trainers: 'Trainers',
    trainees: 'Trained',
    courses: 'Courses',
    countsUpTo: 'Counted up to',
  },
  approximate: 'about {{count}}',
  maximum: 'max. {{count}}',
  contributionHeading: 'Record a new count',
  countsUpToHint: 'The date up to which the counts run; for a plan: the date it was decided.',
  submit: 'Record count',
  contributionAdded: 'The count has been recorded.',
  dashboard: {
    heading: 'Training over time',
    intro: 'The number of Ukrainians trained and the number of trainers, summed over the programmes: at each date a count ran up to, each programme’s latest count by then.',
    imageLabel: '{{measure}} over time; {{count}} in total by the reference date.',
    tableToggle: 'Show the training figures as a table',
    caption: 'Trainees and trainers per date of a count',
  },
};
