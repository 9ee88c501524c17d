import type { Actor } from '@appraisal/domain';
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
          const reads = ctx.auditedReads;
          if (!reads?.length) return;
          // Reader → type → id → fields read (a row read at two places of the operation is one entry). A request
          // normally has one reader; a `login` later in a mutation makes a second, and each is audited as itself.
          const byReader = new Map<Actor, Map<string, Map<string, Set<string>>>>();
          for (const { reader, typeName, id, fields } of reads) {
            let byType = byReader.get(reader);
            if (!byType) byReader.set(reader, (byType = new Map()));
            let rows = byType.get(typeName);
            if (!rows) byType.set(typeName, (rows = new Map()));
            const seen = rows.get(id);
            if (seen) for (const field of fields) seen.add(field);
            else rows.set(id, new Set(fields));
          }
          const em = ctx.em.fork();
          for (const [reader, byType] of byReader)
            for (const [type, rows] of byType) {
              const entries = Object.fromEntries([...rows].map(([id, fields]) => [id, [...fields].sort()]));
              const ids = Object.keys(entries);
              recordAudit(em, { actor: reader, requestId: ctx.requestId }, {
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
