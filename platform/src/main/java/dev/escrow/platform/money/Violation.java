package dev.escrow.platform.money;

import jakarta.validation.ConstraintValidatorContext;

/** A violation whose message is the parser's own (always one of our constant texts). */
public final class Violation {

  private Violation() {}

  public static boolean with(ConstraintValidatorContext context, String message) {
    context.disableDefaultConstraintViolation();
    // a template: our messages hold no braces or EL, and never the input itself
    context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
    return false;
  }
}
