import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Letter } from '../../api/letters.ts';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';

type Caution = NonNullable<Letter['disclosureCautions']>[number];
type IndustryCaution = Extract<Caution, { kind: 'industryFigure' }>;
type EpfCaution = Extract<Caution, { kind: 'epfFigure' | 'epfChange' }>;
type DeliveryCaution = Exclude<Caution, IndustryCaution | EpfCaution>;

const isIndustryCaution = (caution: Caution): caution is IndustryCaution => caution.kind === 'industryFigure';
const isEpfCaution = (caution: Caution): caution is EpfCaution => caution.kind === 'epfFigure' || caution.kind === 'epfChange';

/**
 * What the draft's figures would disclose that is not public, said to the disclosure officer beside the approval:
 * a support type whose figure, its change since the previous letter or its restatement of that letter's figure is
 * one delivery's part that is not public; an industry figure the text names that one confidential company alone
 * adds to; an EPF figure the text names, or its change since the previous letter, that one delivery's claims (or its
 * work as implementing actor) alone make beside what is public.
 */
export function DisclosureCautions({ cautions }: { cautions: Caution[] }) {
  const deliveries = cautions.filter((caution): caution is DeliveryCaution => !isIndustryCaution(caution) && !isEpfCaution(caution));
  const industry = cautions.filter(isIndustryCaution);
  const epf = cautions.filter(isEpfCaution);
  return (
    <div className="letter-approval__cautions">
      {deliveries.length > 0 && <DeliveryCautions cautions={deliveries} />}
      {industry.length > 0 && <IndustryCautions cautions={industry} />}
      {epf.length > 0 && <EpfCautions cautions={epf} />}
    </div>
  );
}

/** A line of a caution: what a figure gives away, and a link to what it gives away of. */
interface CautionLine {
  key: string;
  text: string;
  href: string;
  name: string;
}

function CautionList({ intro, lines }: { intro: string; lines: CautionLine[] }) {
  return (
    <>
      <p className="nl-paragraph">{intro}</p>
      <ul className="utrecht-unordered-list">
        {lines.map((line) => (
          <li className="utrecht-unordered-list__item" key={line.key}>
            {line.text}{' '}
            <Link className="utrecht-link utrecht-link--html-a" href={line.href}>
              {line.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function DeliveryCautions({ cautions }: { cautions: DeliveryCaution[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lines = cautions.map((caution) => ({
    key: `${caution.kind} ${caution.supportType}`,
    text: t(`letters.approval.cautions.${caution.kind}`, {
      supportType: t(`supportTypes.${caution.supportType}`),
      since: caution.since && formatLongDate(caution.since, language),
      amount: formatEuro(caution.cents, language),
    }),
    href: `/leveringen/${caution.deliveryId}`,
    name: caution.title,
  }));
  return <CautionList intro={t('letters.approval.cautions.intro', { count: cautions.length })} lines={lines} />;
}

function IndustryCautions({ cautions }: { cautions: IndustryCaution[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lines = cautions.map((caution) => ({
    key: `${caution.figure} ${caution.companyId}`,
    text: t(`letters.approval.cautions.industry.${caution.figure}`, {
      figure: `{{industry.${caution.figure}}}`,
      count: caution.part,
      amount: formatEuro(caution.part, language),
    }),
    href: '/industrie',
    name: caution.company,
  }));
  return <CautionList intro={t('letters.approval.cautions.industryIntro', { count: new Set(cautions.map((caution) => caution.companyId)).size })} lines={lines} />;
}

function EpfCautions({ cautions }: { cautions: EpfCaution[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const nameOf = (caution: EpfCaution) => (caution.year === null ? caution.figure : `${caution.figure}:${caution.year}`);
  const lines = cautions.map((caution) => ({
    key: `${caution.kind} ${nameOf(caution)}`,
    text: t(`letters.approval.cautions.${caution.kind === 'epfFigure' ? 'epf' : 'epfChange'}.${caution.figure}`, {
      figure: `{{${nameOf(caution)}}}`,
      year: caution.year,
      since: caution.kind === 'epfChange' ? formatLongDate(caution.since, language) : null,
      amount: formatEuro(caution.cents, language),
    }),
    href: `/leveringen/${caution.deliveryId}`,
    name: caution.title,
  }));
  return <CautionList intro={t('letters.approval.cautions.epfIntro', { count: new Set(cautions.map((caution) => caution.deliveryId)).size })} lines={lines} />;
}
