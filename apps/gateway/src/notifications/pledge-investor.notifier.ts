import { PledgeFiguresV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';
import { knownProjectOf } from './notification-projects.projection';
import { PledgeNotice } from './notification-texts';
import { NewNotification } from './notification.model';
import { notify } from './notification.writer';

/**
 * Tells a pledge's investor what became of it. Pledge events carry no project title, so it
 * comes from the projection; a project not known yet makes the inbox retry the event.
 */
export async function notifyPledgeInvestor(
  manager: EntityManager,
  eventId: string,
  pledge: PledgeFiguresV1,
  text: (notice: PledgeNotice) => NewNotification,
): Promise<void> {
  const project = await knownProjectOf(manager, pledge.projectId);
  const { pledgeId, projectId, amount, currency } = pledge;
  await notify(
    manager,
    eventId,
    [pledge.investorId],
    text({ pledgeId, projectId, projectTitle: project.title, amount, currency }),
  );
}
