package dev.escrow.platform.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a request whose Content-Type cannot be parsed, or names a charset this server cannot
 * read, with 415 problem+json before the JAX-RS runtime sees it: RESTEasy answers an unparsable
 * media type with the container's HTML error page, and an unknown charset made a resource that
 * reads the body as text fail with 500. Each war registers a {@code @WebFilter} subclass on its API
 * path.
 */
public abstract class MalformedRequestGuard implements Filter {

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + "\\s*(;.*)?", Pattern.DOTALL);
  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?", Pattern.CASE_INSENSITIVE);

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (hasNul(http.getRequestURI()) || hasNul(http.getQueryString())) {
      // PostgreSQL cannot hold a NUL character in text: refuse it here rather than fail there.
      refuse(response, Problem.of(400, "Bad Request", "The URL contains a NUL character (%00)"));
      return;
    }
    if (!isUtf8(http.getRequestURI()) || !isUtf8(http.getQueryString())) {
      refuse(
          response,
          Problem.of(400, "Bad Request", "The URL's percent-escapes are not valid UTF-8"));
      return;
    }
    String type = http.getHeader("Content-Type");
    String refusal = type == null ? null : refusal(type);
    if (refusal == null) {
      chain.doFilter(request, response);
      return;
    }
    refuse(response, Problem.of(415, "Unsupported Media Type", refusal));
  }

  private static void refuse(ServletResponse response, Problem problem) throws IOException {
    HttpServletResponse answer = (HttpServletResponse) response;
    answer.setStatus(problem.status());
    answer.setContentType(Problem.MEDIA_TYPE);
    answer.setCharacterEncoding("UTF-8");
    byte[] body = ProblemJson.write(problem).getBytes(StandardCharsets.UTF_8);
    answer.setContentLength(body.length);
    answer.getOutputStream().write(body);
  }

  static boolean hasNul(String raw) {
    return raw != null && (raw.contains("%00") || raw.indexOf('\u0000') >= 0);
  }

  /** Whether the raw text's percent-escapes decode as UTF-8 (what RESTEasy requires). */
  static boolean isUtf8(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  static String refusal(String type) {
    if (!MEDIA_TYPE.matcher(type).matches()) {
      return "The Content-Type header is not a media type; send application/json";
    }
    Matcher charset = CHARSET.matcher(type);
    if (charset.find()) {
      String name = charset.group(1).toLowerCase(Locale.ROOT);
      try {
        if (name.isEmpty() || !Charset.isSupported(name)) {
          return "Unknown charset; send application/json in UTF-8";
        }
      } catch (IllegalArgumentException illegalName) {
        return "Unknown charset; send application/json in UTF-8";
      }
    }
    return null;
  }
}
