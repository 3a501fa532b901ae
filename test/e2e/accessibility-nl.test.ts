import { describeAccessibility } from './accessibility-pages.ts';

describeAccessibility(['nl']);
