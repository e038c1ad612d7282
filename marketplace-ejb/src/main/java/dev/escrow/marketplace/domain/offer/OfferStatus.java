package dev.escrow.marketplace.domain.offer;

/** Where an offer is in its life. RESERVED and SOLD are set by deals. */
public enum OfferStatus {
  PENDING_MODERATION,
  ACTIVE,
  REJECTED,
  RESERVED,
  SOLD
}
