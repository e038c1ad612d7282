package dev.escrow.platform.deployment;

import java.util.Arrays;

/**
 * Which of the two domains a deployment carries, as its EAR declares in the env-entry {@value
 * #JNDI} of its application.xml: {@code "marketplace bank"} (escrow.ear), {@code "marketplace"}
 * (escrow-marketplace.ear) or {@code "bank"} (escrow-bank.ear). Declared by the packaging, so no
 * part of the application guesses from what the server happens to offer.
 */
public final class Domains {

  public static final String JNDI = "java:app/escrow/domains";
  public static final String MARKETPLACE = "marketplace";
  public static final String BANK = "bank";

  private Domains() {}

  /** Whether the env-entry's value names this domain. */
  public static boolean carries(String declared, String domain) {
    return declared != null && Arrays.asList(declared.strip().split("\\s+")).contains(domain);
  }
}
