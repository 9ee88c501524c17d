import type { ApolloServerPlugin } from '@apollo/server';
import { recordAudit } from '../modules/audit/audit.service.js';
import type { RequestContext } from './context.js';

/**
 * Writes one audit row per request that read audited fields (pay bases of someone other than the reader):
 * who read which fields of whom, alongside the change audit. The field guards collect the reads; this
 * writes them once the response is known, so a 500-row page costs one insert, not 500.
 */
export function readAuditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx }) {
          const reads = ctx.access?.auditedReads;
          if (!reads?.size) return;
          const byType = new Map<string, Record<string, string[]>>();
          for (const [key, fields] of reads) {
            const [type, id] = key.split(':') as [string, string];
            const entries = byType.get(type) ?? {};
            entries[id] = [...fields].sort();
            byType.set(type, entries);
          }
          const em = ctx.em.fork();
          for (const [type, entries] of byType) {
            const ids = Object.keys(entries);
            recordAudit(em, ctx, {
              operation: 'readSensitiveFields',
              entityType: type,
              entityId: ids.length === 1 ? (ids[0] as string) : `${ids.length} records`,
              after: { fields: entries },
            });
          }
          try {
            await em.flush();
          } catch (error) {
            // The answer is already computed; a failed audit write is logged loudly rather than turned into a 500.
            ctx.log.error({ err: error }, 'could not write the read audit');
          }
        },
      };
    },
  };
}
