package dev.escrow.bank.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What callers send, with the rules Bean Validation checks before any service runs. */
public final class Requests {

  private Requests() {}

  static final String ACCOUNT = "\\d{3}[0-9A-F]{10}";
  static final String ACCOUNT_MESSAGE = "must be 3 digits and 10 upper-case hex digits";
  static final String REQUISITE = "\\d{9}";
  static final String REQUISITE_MESSAGE = "must be 9 digits";

  public record NewCustomer(
      @NotBlank @Size(max = 200) String fullName,
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank
          @Pattern(
              regexp = "\\+?[0-9][0-9 ()-]{4,30}",
              message = "must be a phone number: digits, spaces, ( ) - and a leading +")
          String phone) {}

  public record NewAccount(
      @NotBlank @Pattern(regexp = REQUISITE, message = REQUISITE_MESSAGE) String bankRequisite) {}

  public record NewDeposit(
      @NotNull
          @DecimalMin(value = "0.01", message = "must be at least 0.01")
          @Digits(integer = 13, fraction = 2)
          BigDecimal amount) {}

  public record FeeRateChange(
      @NotBlank @Pattern(regexp = REQUISITE, message = REQUISITE_MESSAGE) String fromBank,
      @NotBlank @Pattern(regexp = REQUISITE, message = REQUISITE_MESSAGE) String toBank,
      @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
          BigDecimal percent) {}

  /** Whole seconds: a BigDecimal so that 1.5 is refused (400) instead of read as 1. */
  public record SettingsChange(
      @NotNull @Min(0) @Max(3600) @Digits(integer = 4, fraction = 0)
          BigDecimal processingDelaySeconds) {}

  public record AuthorizationRequest(
      @NotBlank @Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String accountNumber,
      @NotBlank @Pattern(regexp = "PAYMENT|BALANCE", message = "must be PAYMENT or BALANCE")
          String purpose,
      @DecimalMin(value = "0.01", message = "must be at least 0.01")
          @Digits(integer = 13, fraction = 2)
          BigDecimal amount,
      @Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String payeeAccount,
      @Size(max = 200) String reference) {}

  public record CodeEntry(
      @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {}

  public record TransferRequest(
      @NotBlank @Size(max = 36) String authorizationId,
      @NotBlank @Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String payerAccount,
      @NotBlank @Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String payeeAccount,
      @NotNull
          @DecimalMin(value = "0.01", message = "must be at least 0.01")
          @Digits(integer = 13, fraction = 2)
          BigDecimal amount,
      @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal fee,
      @NotBlank @Size(max = 100) String groupReference,
      // the payer's code, checked and used by this very transfer; none: verified before
      @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {}

  /** One transfer of a partner's batch: its Idempotency-Key and a single submission's body. */
  public record TransferItem(
      @NotBlank @Size(max = 100) String idempotencyKey, @NotNull @Valid TransferRequest request) {}

  public record SettlementRequest(
      @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal commissionAmount,
      @Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String commissionAccount) {}

  /** Marker so that callers can ask for cascaded validation of lists of rates. */
  public record FeeRateChanges(
      @NotNull @Size(min = 1, max = 1000) java.util.List<@Valid @NotNull FeeRateChange> rates) {}
}
