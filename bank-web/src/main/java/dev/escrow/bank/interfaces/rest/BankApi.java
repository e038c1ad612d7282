package dev.escrow.bank.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bank service's HTTP API: public, back office, marketplace-facing, demo outbox. */
@ApplicationPath("/api/v1")
public class BankApi extends Application {}
