package dev.escrow.bank.domain.account;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** The bank's 3-digit code followed by 10 upper-case hex digits (5 random bytes). */
public record AccountNumber(String value) {

  public static final Pattern FORMAT = Pattern.compile("\\d{3}[0-9A-F]{10}");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  public AccountNumber {
    Objects.requireNonNull(value, "number");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("An account number is 3 digits and 10 hex digits");
    }
  }

  public static AccountNumber random(String bankCode, SecureRandom random) {
    byte[] bytes = new byte[5];
    random.nextBytes(bytes);
    return new AccountNumber(bankCode + HEX.formatHex(bytes));
  }

  public static boolean isWellFormed(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
