package dev.escrow.marketplace.domain.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The status changes an aggregate made and that are not written yet. The aggregate adds one in the
 * method that changes its status; {@link HistoryListener} writes them, with the aggregate's id,
 * once the insert or update that carries the change has been flushed. A change to the same status
 * is no change and is not kept.
 */
public final class StatusLog {

  /** One change as the aggregate saw it; the reason may name what only exists later (a deal id). */
  public record Entry(String from, String to, Instant at, Supplier<String> reason, String actor) {

    public String reasonText() {
      return reason.get();
    }
  }

  private final List<Entry> pending = new ArrayList<>();

  public void add(Enum<?> from, Enum<?> to, Instant at, String reason, String actor) {
    add(from == null ? null : from.name(), to.name(), at, () -> reason, actor);
  }

  public void add(String from, String to, Instant at, Supplier<String> reason, String actor) {
    Objects.requireNonNull(to, "to");
    if (!to.equals(from)) {
      pending.add(new Entry(from, to, at, reason, actor));
    }
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** What is waiting to be written, oldest first (for the aggregate's unit tests). */
  public List<Entry> pending() {
    return List.copyOf(pending);
  }

  /** The waiting changes as history rows of this subject, and none left waiting. */
  public List<StatusChange> drain(StatusChange.Subject subject, long id) {
    List<StatusChange> rows = new ArrayList<>(pending.size());
    for (Entry e : pending) {
      rows.add(new StatusChange(subject, id, e.from(), e.to(), e.at(), e.reasonText(), e.actor()));
    }
    pending.clear();
    return rows;
  }
}
