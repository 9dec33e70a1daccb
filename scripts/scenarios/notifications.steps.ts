import { MarketplaceClient } from './marketplace-client';
import { Actor } from './scenario-report';

export interface NotificationView {
  id: string;
  type: string;
  title: string;
  data: Record<string, unknown>;
}

/** The user's notifications once every expected type has arrived (they come by event). */
export async function notificationsOf(
  client: MarketplaceClient,
  user: Actor,
  expectedTypes: readonly string[],
): Promise<NotificationView[]> {
  const page = await client.send<{ items: NotificationView[] }>({
    by: user,
    does: 'opens their notifications',
    method: 'GET',
    path: '/v1/notifications?limit=100',
    expect: 200,
    until: (answer) => expectedTypes.every((type) => answer.items.some((item) => item.type === type)),
    tells: (answer) => answer.items.map((item) => item.title).join(' · '),
  });
  return page.items;
}
