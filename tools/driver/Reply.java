import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP answer as the command-line drivers (the crash tests under {@code reliability/}, the
 * benchmark under {@code bench/}) see it, and the JSON members they read from it: these drivers are
 * compiled and run by their scripts with nothing but a JDK, so they use no JSON library.
 */
public record Reply(int status, String body) {

  /**
   * This answer if it has that status. Otherwise an IOException when the server failed or is not
   * there yet (5xx, or a 404 page), which a driver may retry, and an IllegalStateException for any
   * other status, which it should not.
   */
  public Reply expect(int expected) throws IOException {
    if (status != expected) {
      if (status >= 500 || status == 404) {
        throw new IOException("answered " + status + ": " + body);
      }
      throw new IllegalStateException("expected " + expected + " but got " + status + ": " + body);
    }
    return this;
  }

  /** Throws as {@link #expect(int)} unless the answer has that status. */
  public static void expect(Reply reply, int status) throws IOException {
    reply.expect(status);
  }

  /** A member of the outermost object (nested objects and arrays are skipped). */
  public static String field(String json, String name) {
    StringBuilder top = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < json.length()) {
          if (depth <= 1) {
            top.append(c).append(json.charAt(i + 1));
          }
          i++;
          continue;
        }
        if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '{' || c == '[') {
        depth++;
        if (depth == 1) {
          top.append(c);
        }
        continue;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          top.append(c);
        }
        continue;
      }
      if (depth <= 1) {
        top.append(c);
      }
    }
    return member(top.toString(), name);
  }

  /** The first member of that name anywhere in the text: a string's content or a number. */
  public static String member(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9.]+))")
            .matcher(json);
    if (!m.find()) {
      return null;
    }
    return m.group(2) != null ? m.group(2) : m.group(3);
  }
}
