import type Database from 'better-sqlite3';
import type { Clock } from '../../src/ports/clock.js';
import type { InboundRepo } from '../../src/ports/repos/inbound.js';
import type { Reply } from '../../src/ui/model.js';

export function makeInboundRepo(sqlite: Database.Database, clock: Clock): InboundRepo {
  const answerStmt = sqlite.prepare<[string], { reply: string }>(`SELECT reply FROM form_submissions WHERE key = ?`);
  const rememberStmt = sqlite.prepare<[string, string, string, number]>(
    `INSERT INTO form_submissions (key, actor_id, reply, at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const pruneEvents = sqlite.prepare<[number]>(`DELETE FROM processed_events WHERE received_at < ?`);
  const pruneSubmissions = sqlite.prepare<[number]>(`DELETE FROM form_submissions WHERE at < ?`);
  return {
    answerTo(key) {
      const row = answerStmt.get(key);
      return row ? (JSON.parse(row.reply) as Reply) : null;
    },
    remember(key, actorId, reply) {
      rememberStmt.run(key, actorId, JSON.stringify(reply), clock.now());
    },
    prune(eventsBefore, submissionsBefore) {
      return {
        events: pruneEvents.run(eventsBefore).changes,
        submissions: pruneSubmissions.run(submissionsBefore).changes,
      };
    },
  };
}
