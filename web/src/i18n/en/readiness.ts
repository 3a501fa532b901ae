import type { readiness as nl } from '../nl/readiness.ts';

export const readiness: typeof nl = {
  title: 'Readiness and replenishment',
  intro:
    'Per delivery from own stock: the effect on the armed forces’ readiness and on the NATO capability targets, as a history of judgements, and how the delivery is replenished. The letter states the most severe judgement that held at its reference date.',
  deliveriesHeading: 'Deliveries from stock',
  deliveriesCaption: 'Effect on readiness and replacement per delivery',
  projectsHeading: 'Replenishment projects',
  projectsCaption: 'Projects that replace delivered equipment',
  columns: {
    delivery: 'Delivery',
    value: 'Value',
    effect: 'Latest judgement',
    history: 'Judgements',
    replaced: 'Replaced (value)',
    notReplaced: 'Decisions not to replace',
    project: 'Project',
    stage: 'Stage',
    replacesValue: 'Replaces (value)',
    budget: 'Budget',
    expectedOn: 'Expected on',
  },
  notJudged: 'Not judged yet',
  judgeHeading: 'Judge the effect on readiness',
  submit: 'Record judgement',
  judged: 'The judgement has been recorded; earlier judgements stay in the history.',
};
