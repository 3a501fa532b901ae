export const training = {
  title: 'Training',
  intro:
    'De trainingsprogramma’s voor Oekraïense militairen waaraan Nederland bijdraagt, met de laatste telling. Een telling loopt tot een datum; de brief neemt per programma de laatste telling tot en met zijn peildatum, en noemt de aantallen bij de korte naam, zoals training:stc.trainers.',
  listHeading: 'Programma’s',
  listCaption: 'Trainingsprogramma’s met de laatste telling',
  columns: {
    name: 'Programma',
    key: 'Korte naam',
    host: 'Land en kader',
    system: 'Getraind op',
    trainers: 'Trainers',
    trainees: 'Getraind',
    courses: 'Trainingen',
    countsUpTo: 'Geteld tot en met',
  },
  approximate: 'circa {{count}}',
  maximum: 'max. {{count}}',
  contributionHeading: 'Nieuwe telling vastleggen',
  countsUpToHint: 'De datum tot en met wanneer de aantallen lopen; bij een plan: de datum van het besluit.',
  submit: 'Telling vastleggen',
  contributionAdded: 'De telling is vastgelegd.',
};
