package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.domain.offer.PaymentWindow;
import dev.escrow.platform.money.Violation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request's payment window: an ISO-8601 duration from PT1M to P30D ({@link PaymentWindow}); the
 * violation says what is wrong, {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PaymentWindowText.Check.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PaymentWindowText {

  String message() default "must be an ISO-8601 duration from PT1M to P30D";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<PaymentWindowText, String> {
    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      try {
        PaymentWindow.parse(text);
        return true;
      } catch (IllegalArgumentException e) {
        return Violation.with(context, e.getMessage());
      }
    }
  }
}
