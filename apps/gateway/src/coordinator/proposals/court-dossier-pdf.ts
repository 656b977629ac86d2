import { formatMoney } from '#arrangement';
import { renderTextPdf, type TextLine } from '../common/pdf/text-pdf.js';
import type { CourtDossierDocument } from './court-dossier.service.js';

const euro = (cents: number | null | undefined): string => formatMoney({ cents: cents ?? 0, locale: 'nl' });
const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

const DECISION: Record<string, string> = {
  accept: 'akkoord / accepted',
  reject: 'afgewezen / rejected',
  counter: 'tegenvoorstel / counter-proposal',
  no_answer: 'geen antwoord / no answer',
};

/**
 * The court dossier as a PDF (Dutch headings with English beside them), for a request for a
 * dwangakkoord (art. 287a Fw): the same content as the JSON, in the order a judge reads it: the
 * budget, then each proposal with every creditor's answer and reasons, then the ledger entries that
 * prove the steps. Like the JSON, it holds no name or BSN; the counsellor adds those to the request.
 */
export function courtDossierPdf(dossier: CourtDossierDocument): Buffer {
  const lines: TextLine[] = [
    { text: 'Dossier schuldregeling — verzoek dwangakkoord (art. 287a Fw)', style: 'title' },
    { text: 'Court dossier — debt arrangement, request for a forced settlement', style: 'small' },
    { text: `Gemaakt op / created: ${dossier.createdAt}. Schema: ${dossier.schema}. Zonder naam of BSN: de schuldhulpverlener voegt die toe.`, style: 'small' },
    { text: 'Budget / budget', style: 'heading' },
  ];
  const budget = dossier.budget;
  if (budget === null) lines.push({ text: 'Geen budget ingevoerd / no budget entered.' });
  else {
    lines.push(
      { text: `Netto inkomen per maand / net income a month: ${euro(budget.netIncomeCents)}` },
      { text: `Beslagvrije voet / protected income: ${euro(budget.beslagvrijeVoetCents)} (normen / parameters ${budget.parameterSet}${budget.approximation ? ', benadering / approximation' : ''})` },
      { text: `Afloscapaciteit per maand / repayment capacity a month: ${euro(budget.capacityCents)}` },
      { text: `Ingevoerd op / entered: ${day(budget.enteredAt)}` },
    );
  }
  dossier.proposals.forEach((proposal, index) => {
    lines.push(
      { text: `${index === 0 ? 'Laatste voorstel / latest proposal' : 'Eerder voorstel / earlier proposal'} ${proposal.id}`, style: 'heading' },
      { text: `Status: ${proposal.status}. Voorgesteld / proposed: ${day(proposal.proposedAt)}. Antwoord uiterlijk / answer by: ${day(proposal.answerBy)}.${proposal.replaces ? ` Vervangt / replaces: ${proposal.replaces}.` : ''}` },
      {
        text: `Plan: ${proposal.plan.mode === 'repayment' ? 'afbetaling / repayment' : 'schuldregeling / settlement'}, ${euro(proposal.plan.capacityCents)} per maand, ${proposal.plan.termMonths} maanden / months, totaal / total ${euro(proposal.plan.totalPaidCents)}. Preferente vorderingen wegen / preferential claims weigh ${proposal.plan.preferentialWeight}×.`,
      },
      { text: 'Vorderingen / claims:' },
      ...proposal.plan.claims.map((claim) => ({
        text: `• ${claim.claimId}: ${euro(claim.amountCents)}${claim.preferential ? ' (preferent)' : ''} – betaald / paid ${euro(claim.totalPaidCents)} (${claim.percentage}%), kwijtgescholden / forgiven ${euro(claim.forgivenCents)}`,
        style: 'small' as const,
      })),
      { text: 'Antwoorden / answers:' },
      ...proposal.answers.map((answer) => ({
        text: `• ${answer.creditorName} (${answer.creditorId}): ${answer.decision === null ? `nog geen antwoord / no answer yet (bezorging / delivery ${answer.delivery})` : (DECISION[answer.decision] ?? answer.decision)}${answer.answeredAt ? ` op / on ${day(answer.answeredAt)}` : ''}${answer.reasonCode ? `. Reden / reason: ${answer.reasonCode}` : ''}${answer.reasonText ? ` — "${answer.reasonText}"` : ''}${answer.counter ? `. Tegenvoorstel / counter: ${euro(answer.counter.monthlyCents)} per maand${answer.counter.termMonths ? `, ${answer.counter.termMonths} maanden` : ''}` : ''}`,
      })),
      ...proposal.answers.flatMap((answer) =>
        answer.counterRounds.map((round) => ({
          text: `  ${answer.creditorName}: tegenvoorstel / counter-proposal ${euro(round.counter.monthlyCents)} per maand ${round.answer === 'accepted' ? 'aanvaard / accepted' : 'afgewezen / declined'} op / on ${day(round.answeredAt)}${round.note ? ` — "${round.note}"` : ''}`,
          style: 'small' as const,
        })),
      ),
      ...(proposal.manualClaims.length === 0
        ? []
        : [
            { text: 'Buiten het platform / outside the platform:' },
            ...proposal.manualClaims.map((m) => ({ text: `• ${m.creditorName}, ${m.reference}: ${euro(m.amountCents)}${m.preferential ? ' (preferent)' : ''}`, style: 'small' as const })),
          ]),
      { text: `Grootboek / ledger: ${proposal.ledgerEntries.map((entry) => `#${entry.index} ${entry.kind}`).join(', ') || '—'}`, style: 'small' },
    );
  });
  lines.push(
    { text: 'Controle / verification', style: 'heading' },
    {
      text: 'Elke stap staat in het toestemmingsgrootboek (RFC 9162). Met het indexnummer kan de rechter een bewijs van opname en een ondertekend controlepunt opvragen en zelf controleren. / Every step is in the consent ledger (RFC 9162); with its index an inclusion proof and a signed checkpoint can be fetched and checked independently.',
      style: 'small',
    },
  );
  return renderTextPdf({ title: 'Samen Regelen — dossier schuldregeling', lines, footer: `Samen Regelen — dossier ${dossier.proposals[0]?.id ?? ''}` });
}
