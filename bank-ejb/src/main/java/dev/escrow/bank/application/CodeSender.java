package dev.escrow.bank.application;

import java.time.Instant;

/** Sends a one-time code to the account holder (the mail, and the demo outbox in demo mode). */
public interface CodeSender {

  void send(String to, String subject, String text, String code, Instant at);
}
