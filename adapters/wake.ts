/**
 * Wakes a sender after a dispatch only if something was queued since the last wake: most requests
 * (status, help, opening a form) queue nothing, and the sender's due() query is not free.
 */
export function wakeIfQueued(conn: { outboxWrites: number }, wake: () => void): () => void {
  let seen = conn.outboxWrites;
  return () => {
    if (conn.outboxWrites === seen) return;
    seen = conn.outboxWrites;
    wake();
  };
}
