package dev.escrow.marketplace.interfaces.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services write history reasons and job results as short English notes for the log and the API
 * ("payment 9 of 5000.00", "COMPLETED: 2 expired, 0 waiting for the bank, 1 re-driven"); the pages
 * show them translated, with amounts and dates formatted. A note no pattern knows is shown as it
 * is.
 */
final class HistoryReasons {

  private static final Pattern PAYMENT = Pattern.compile("payment (\\d+) of (-?\\d+(?:\\.\\d+)?)");
  private static final Pattern NOT_PAID = Pattern.compile("not paid in full by (\\S+)");
  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z][a-z -]*[a-z])");

  private HistoryReasons() {}

  static String text(String reason) {
    if (reason == null || reason.isBlank()) {
      return "";
    }
    Matcher payment = PAYMENT.matcher(reason);
    if (payment.matches()) {
      return Pages.text("history.payment", payment.group(1), Fmt.current().money(payment.group(2)));
    }
    Matcher notPaid = NOT_PAID.matcher(reason);
    if (notPaid.matches()) {
      try {
        return Pages.text(
            "history.notPaid", Fmt.current().instant(Instant.parse(notPaid.group(1))));
      } catch (DateTimeParseException e) {
        return reason;
      }
    }
    String key = "history." + reason.strip().replace(' ', '_');
    String text = Pages.text(key);
    return text.equals(key) ? reason : text;
  }

  /** "COMPLETED: 2 expired, 0 waiting for the bank, 1 re-driven" in the page's language. */
  static String jobResult(String exitStatus) {
    if (exitStatus == null || exitStatus.isBlank()) {
      return "";
    }
    int colon = exitStatus.indexOf(':');
    String status = colon < 0 ? exitStatus.strip() : exitStatus.substring(0, colon).strip();
    String statusText = Pages.text("job.status." + status);
    if (colon < 0) {
      return statusText.equals("job.status." + status) ? exitStatus : statusText;
    }
    List<String> parts = new ArrayList<>();
    for (String part : exitStatus.substring(colon + 1).split(",")) {
      Matcher count = COUNT.matcher(part.strip());
      String key = count.matches() ? "job.count." + count.group(2).replace(' ', '_') : null;
      String text = key == null ? null : Pages.text(key, count.group(1));
      parts.add(text == null || text.startsWith("job.count.") ? part.strip() : text);
    }
    return String.join(", ", parts);
  }
}
