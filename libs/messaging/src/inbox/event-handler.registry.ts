import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { eventTypesConsumedBy, EventType, ServiceName } from '@crowdlink/contracts';
import { SERVICE_NAME } from '@crowdlink/platform';
import { AnyEventHandler, EVENT_HANDLER_METADATA } from '../event-handler.decorator';
import { checkHandlers } from './routing-check';

/** Finds the service's @HandlesEvent providers and refuses to start with a gap or a clash. */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<EventType, AnyEventHandler<EventType>>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  onModuleInit(): void {
    const found: { type: EventType; name: string; instance: AnyEventHandler<EventType> }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const type = Reflect.getMetadata(EVENT_HANDLER_METADATA, metatype) as EventType | undefined;
      if (type) found.push({ type, name: metatype.name, instance: instance as AnyEventHandler<EventType> });
    }
    checkHandlers(
      this.service,
      found.map(({ type, name }) => ({ type, name })),
    );
    for (const { type, instance } of found) this.handlers.set(type, instance);
  }

  hasAny(): boolean {
    return eventTypesConsumedBy(this.service).length > 0;
  }

  handlerOf(type: EventType): AnyEventHandler<EventType> {
    const handler = this.handlers.get(type);
    if (!handler) throw new Error(`${this.service} has no handler for ${type}`);
    return handler;
  }
}
