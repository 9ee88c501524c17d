import type { DeliveryResult, OutgoingMessage, Transport } from '@appraisal/domain';

/**
 * The in-app transport: the inbox row is the message, so delivering it is recording that it is there. An e-mail
 * transport implements the same domain `Transport` interface in this folder and is added to `transports()`;
 * callers (reminders, notices, policies, appeals) never change.
 */
export const inAppTransport: Transport = {
  name: 'inApp',
  deliver: async (_message: OutgoingMessage): Promise<DeliveryResult> => ({ ok: true, deliveredAt: new Date().toISOString() }),
};

/** The transports this server has, by name. */
export function transports(): ReadonlyMap<string, Transport> {
  return new Map([[inAppTransport.name, inAppTransport]]);
}
