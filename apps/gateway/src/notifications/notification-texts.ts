import { CampaignOutcome } from '@crowdlink/contracts';
import { formatMoney } from '@crowdlink/domain';
import { NewNotification } from './notification.model';

/*
 * What each notification says: short, plain, with the figures a reader wants. Money is
 * formatted from minor units by @crowdlink/domain formatMoney; times are UTC, to the minute.
 */

const RESOLUTION_PREVIEW_CHARS = 300;

export function pledgeConfirmed(input: {
  pledgeId: string;
  projectId: string;
  projectTitle: string;
  amount: number;
  currency: string;
  cancellableUntil: Date | null;
}): NewNotification {
  const cancel = input.cancellableUntil
    ? `You can cancel it until ${minuteOf(input.cancellableUntil)}.`
    : 'It cannot be cancelled.';
  return {
    type: 'PLEDGE_CONFIRMED',
    title: 'Pledge confirmed',
    body: `Your pledge of ${formatMoney(input.amount, input.currency)} to "${input.projectTitle}" is confirmed. ${cancel}`,
    data: {
      pledgeId: input.pledgeId,
      projectId: input.projectId,
      amount: input.amount,
      currency: input.currency,
      cancellableUntil: input.cancellableUntil?.toISOString() ?? null,
    },
  };
}

export function campaignClosed(input: {
  projectId: string;
  projectTitle: string;
  outcome: CampaignOutcome;
  raised: number;
  currency: string;
  audience: 'owner' | 'backer';
}): NewNotification {
  const raised = formatMoney(input.raised, input.currency);
  const funded = input.outcome === 'FUNDED';
  const title = `"${input.projectTitle}"`;
  const body =
    input.audience === 'owner'
      ? funded
        ? `Your campaign ${title} is funded with ${raised} raised.`
        : `Your campaign ${title} closed with ${raised} raised, short of its target.`
      : funded
        ? `${title}, which you backed, is funded with ${raised} raised.`
        : `${title}, which you backed, closed with ${raised} raised, short of its target. Your pledge is released.`;
  return {
    type: funded ? 'CAMPAIGN_FUNDED' : 'CAMPAIGN_FAILED',
    title: funded ? 'Campaign funded' : 'Campaign failed',
    body,
    data: { projectId: input.projectId, outcome: input.outcome, raised: input.raised, currency: input.currency },
  };
}

export function complaintResolved(input: {
  complaintId: string;
  projectId: string;
  projectTitle: string | undefined;
  resolution: string;
}): NewNotification {
  const about = input.projectTitle ? ` about "${input.projectTitle}"` : '';
  return {
    type: 'COMPLAINT_RESOLVED',
    title: 'Complaint resolved',
    body: `Your complaint${about} was resolved: ${preview(input.resolution)}`,
    data: { complaintId: input.complaintId, projectId: input.projectId },
  };
}

export function matchingProjectLive(input: { projectId: string; projectTitle: string }): NewNotification {
  return {
    type: 'MATCHING_PROJECT_LIVE',
    title: 'A project for you is live',
    body: `"${input.projectTitle}" matches your preferences and is open for pledges.`,
    data: { projectId: input.projectId },
  };
}

/** 2026-12-24 12:00 UTC */
function minuteOf(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= RESOLUTION_PREVIEW_CHARS ? flat : `${flat.slice(0, RESOLUTION_PREVIEW_CHARS - 1)}…`;
}
