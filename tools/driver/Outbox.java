import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's demo outbox as the drivers read it: the confirmation code the bank mailed for one
 * reference (a transfer's, or {@code payment-<id>}).
 */
public final class Outbox {

  private static final Pattern MAIL = Pattern.compile("\\{[^{}]*\\}");

  private final Driver driver;
  private final long pollMillis;

  /** Looks up to 100 times, pollMillis apart, before it gives up. */
  public Outbox(Driver driver, long pollMillis) {
    this.driver = driver;
    this.pollMillis = pollMillis;
  }

  /** The code of the mail to that address about that reference. */
  public String code(String email, String reference) throws IOException {
    for (int i = 0; i < 100; i++) {
      Reply outbox =
          driver.get(
              "/bank/api/v1/demo/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
              null,
              null);
      Matcher m = MAIL.matcher(outbox.body());
      while (m.find()) {
        String mail = m.group();
        // the reference as a whole word: "bench-r1-1" must not find the mail of "bench-r1-12"
        if (mail.contains(reference + ")")
            || mail.contains(reference + " ")
            || mail.contains(reference + "\\n")
            || mail.contains(reference + ".")) {
          return Reply.field(mail, "code");
        }
      }
      Driver.sleep(pollMillis);
    }
    throw new IOException("no code for " + reference + " in the outbox of " + email);
  }
}
