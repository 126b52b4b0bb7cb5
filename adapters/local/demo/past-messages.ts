/**
 * The messages the demo's history would have produced, so a persona opens a conversation with
 * content: each employee's acknowledged KPI set and recent reviews (with Acknowledge / Dispute
 * still live on the unanswered ones), and in the HR channel the cards of the cases the history
 * closed (an Art. 39 dismissal and an agreed exit). Each is written as already delivered, with its
 * original timestamp: a local_messages row plus a sent outbox row under the same key the use cases
 * use, so a later change edits it in place like any other message.
 */
import { and, eq } from 'drizzle-orm';
import type { Connection } from '../../../db/client.js';
import { outbox } from '../../../db/schema/index.js';
import type { Store } from '../../../src/ports/store.js';
import { HR_LOCAL_CHANNEL, type AppSettings } from '../../../src/ports/settings.js';
import type { Recipient } from '../../../src/ports/outbox.js';
import type { Message } from '../../../src/ui/model.js';
import type { Locale } from '../../../src/ports/records.js';
import { buildEmployeeReview } from '../../../src/ui/screens/review/employee-review.js';
import { buildKpiAckRequest } from '../../../src/ui/screens/review/kpi-ack.js';
import { buildCaseMessage } from '../../../src/ui/screens/offboarding/case-message.js';
import { caseView, screenContext } from '../../../src/usecases/offboarding/case-view.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { kpiSubjectId } from '../../../src/domain/kpi.js';
import { outboxKeys } from '../../../src/usecases/shared/outbox-keys.js';
import { localeOf, tFor } from '../../../src/usecases/shared/people.js';
import { hrChannelLocale } from '../../../src/usecases/shared/channels.js';
import { makeLocalMessageStore } from '../messages.js';
import { dmConversation } from '../persona.js';
import { DEMO_PEOPLE } from './org.js';

/** How many of each employee's latest reviews appear in their DM. */
const RECENT_REVIEWS = 3;

interface PastMessage {
  key: string;
  conversation: string;
  to: Recipient;
  locale: Locale;
  message: Message;
  at: number;
}

export function backfillLocalDms(conn: Connection, store: Store, settings: AppSettings): number {
  const items: PastMessage[] = [];
  const dm = (o: Omit<PastMessage, 'conversation' | 'to'> & { personId: string }): PastMessage => ({
    key: o.key,
    conversation: dmConversation(o.personId),
    to: { person: o.personId },
    locale: o.locale,
    message: o.message,
    at: o.at,
  });
  store.tx((tx) => {
    for (const d of DEMO_PEOPLE.filter((p) => p.jobId)) {
      const person = tx.org.person(d.id)!;
      const t = tFor(person, settings);
      const locale = localeOf(person, settings);
      const job = tx.org.jobWithKpis(d.jobId!)!;
      const ack = tx.acks.find('kpis', kpiSubjectId(job.id, job.kpiVersion), d.id);
      items.push(
        dm({
          key: outboxKeys.kpiAck(job.id, job.kpiVersion, d.id),
          personId: d.id,
          locale,
          at: (ack?.createdAt ?? 0) - 3_600_000,
          message: buildKpiAckRequest(t, {
            jobId: job.id,
            jobTitle: job.title,
            version: job.kpiVersion,
            kpis: job.kpis,
            acknowledged: !!ack,
          }),
        }),
      );
      for (const r of tx.reviews.reviewsOf(d.id).slice(0, RECENT_REVIEWS).reverse()) {
        const response = tx.acks.find('review', String(r.id), d.id);
        const manager = tx.org.person(r.authorId);
        items.push(
          dm({
            key: outboxKeys.employeeReview(r.id),
            personId: d.id,
            locale,
            at: r.submittedAt + 60_000,
            message: buildEmployeeReview(t, {
              reviewId: r.id,
              period: r.periodLabel,
              managerName: manager?.name ?? r.authorId,
              rating: r.rating,
              strengths: r.strengths,
              improvement: r.improvement,
              comment: r.comment,
              results: r.results,
              response: response
                ? response.state === 'disputed'
                  ? { state: 'disputed', comment: response.comment ?? '' }
                  : { state: 'acknowledged' }
                : undefined,
            }),
          }),
        );
      }
    }
  });
  return deliverPast(conn, store, items);
}

/**
 * The HR channel's cards of the cases the history walked through the gate, as they stood when
 * each was closed, so HR sees a misconduct case and an agreed exit next to the live ones.
 */
export function backfillHrCases(conn: Connection, store: Store, settings: AppSettings, now: number): number {
  const items = store.tx((tx) => {
    // In the HR channel's own language, as the live cards (issue 13 #9).
    const locale = hrChannelLocale(tx, settings);
    const t = translator(locale);
    return tx.cases.openedSince(0).map((c): PastMessage => ({
      key: outboxKeys.caseRoot(c.id),
      conversation: HR_LOCAL_CHANNEL,
      to: { channel: settings.hrChannel },
      locale,
      message: buildCaseMessage(t, screenContext(locale, settings), caseView(tx, c, now)),
      at: c.closedAt ?? c.openedAt,
    }));
  });
  return deliverPast(conn, store, items);
}

/** Writes each message as delivered at its own time, oldest first. */
function deliverPast(conn: Connection, store: Store, items: PastMessage[]): number {
  const messages = makeLocalMessageStore(conn);
  items.sort((a, b) => a.at - b.at);
  for (const item of items) {
    const saved = messages.insert({
      conversation: item.conversation,
      threadId: null,
      locale: item.locale,
      kind: 'message',
      payload: item.message,
      at: item.at,
    });
    store.tx((tx) => tx.outbox.post({ key: item.key, to: item.to, message: item.message, locale: item.locale }));
    conn.db
      .update(outbox)
      .set({ status: 'sent', sentRef: String(saved.id), sentAt: item.at, createdAt: item.at, nextAttemptAt: item.at })
      .where(and(eq(outbox.platform, 'local'), eq(outbox.key, item.key)))
      .run();
  }
  return items.length;
}

/** A first DM for every demo person saying what to try from their seat. */
export function queueWelcomes(store: Store, settings: AppSettings): void {
  store.tx((tx) => {
    const managers = new Set(
      tx.org
        .activePeople()
        .map((p) => p.managerId)
        .filter(Boolean),
    );
    for (const d of DEMO_PEOPLE) {
      const person = tx.org.person(d.id)!;
      const t = tFor(person, settings);
      const role =
        d.role !== 'employee'
          ? t('local.demo.welcomeHr')
          : managers.has(d.id)
            ? t('local.demo.welcomeManager')
            : t('local.demo.welcomeEmployee');
      tx.outbox.post({
        key: `demo:welcome:${d.id}`,
        to: { person: d.id },
        locale: localeOf(person, settings),
        message: {
          text: t('local.demo.welcomeHeader'),
          blocks: [
            { type: 'header', text: t('local.demo.welcomeHeader') },
            { type: 'text', text: t('local.demo.welcomeIntro') },
            { type: 'text', text: role },
          ],
        },
      });
    }
  });
}
