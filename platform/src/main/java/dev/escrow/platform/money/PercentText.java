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
 * A request's percent, as JSON-B read it (a JSON string or number, as text): a {@link Percent} from
 * 0 to 100 with at most two fraction digits; {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PercentText.Check.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PercentText {

  String message() default "must be a percent from 0 to 100";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<PercentText, String> {
    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      try {
        Percent.of(text);
        return true;
      } catch (InvalidAmountException e) {
        return Violation.with(context, e.getMessage());
      }
    }
  }
}
