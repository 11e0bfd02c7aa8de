package dev.p2p.optout;

/** Why a phone was opted out. */
public enum OptOutSource {
  /** The contact texted a STOP-family keyword. */
  KEYWORD,
  /** A texter opted the contact out. */
  TEXTER,
  /** The carrier refused a message because the phone unsubscribed. */
  CARRIER,
  /** The CRM opted the phone out through the API (an import of a suppression list, say). */
  API
}
