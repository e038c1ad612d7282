package dev.escrow.platform.money;

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
 * A request's amount, as JSON-B read it (a JSON string or number, as text): a {@link Money} greater
 * than zero. The violation says what is wrong ("must have at most 2 fraction digits"); {@code null}
 * is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Amount.Check.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

  String message() default "must be an amount greater than zero";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Amount, String> {
    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      try {
        if (Money.of(text).isPositive()) {
          return true;
        }
        return Violation.with(context, "must be greater than zero");
      } catch (InvalidAmountException e) {
        return Violation.with(context, e.getMessage());
      }
    }
  }
}
