package dev.escrow.marketplace.infrastructure.jobs;

/**
 * What a step throws when its work failed: the job repository stores the step's exception and reads
 * it back with JBeret's class loader, which cannot load the classes of the REST client's or the
 * JDBC driver's causes (JBERET000626/653 ERROR). The failure is a JDK exception that keeps their
 * text instead.
 */
final class StepFailure {

  private StepFailure() {}

  /** The exception and its causes, as "Class: message; caused by Class: message". */
  static IllegalStateException of(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
      String one = t.getClass().getName() + ": " + t.getMessage();
      if (!text.toString().contains(one)) {
        text.append(t == e ? "" : "; caused by ").append(one);
      }
    }
    return new IllegalStateException(text.toString());
  }
}
