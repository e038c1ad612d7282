package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.platform.rest.MalformedRequestGuard;
import jakarta.servlet.annotation.WebFilter;

/** The shared check of Content-Type and path encoding on this war's API. */
@WebFilter("/api/v1/*")
public class ApiMalformedRequestGuard extends MalformedRequestGuard {}
