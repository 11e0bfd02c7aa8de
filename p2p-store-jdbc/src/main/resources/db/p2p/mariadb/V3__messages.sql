-- p2p schema, version 3: messages, sender bindings and early status updates. Kept close to
-- identical across the h2, postgresql and mariadb folders; only types and table options differ.

-- Every message, outbound and inbound; conversations (a later version) link to these rows.
-- * direction: OUTBOUND or INBOUND.
-- * gateway_id: the id the gateway is registered under in P2P.
-- * reference: p2p's id for an outbound message, unique in the organization; NULL when inbound.
-- * carrier_message_id: the carrier's id, once known; unique per gateway, which makes inbound
--   messages idempotent and lets status callbacks find their message.
-- * sender: p2p's side: the number an outbound message went out from (the messaging-service id
--   until the receipt names the number), or the number an inbound message reached.
-- * media: a JSON array of URLs; NULL when there is none.
-- * status, status_rank: MessageStatus and its rank (0 queued, 1 sending, 2 sent, 3 final);
--   callbacks update WHERE status_rank < the new rank, so statuses only move forward.
-- * unconfirmed: a failed send that may have reached the carrier all the same (status QUEUED);
--   never retried, left for reconciliation.
-- * error_kind, carrier_code: why a send or delivery failed (FailureKind) and the carrier's code.
CREATE TABLE messages (
  id BIGINT AUTO_INCREMENT,
  org_id VARCHAR(128) NOT NULL,
  direction VARCHAR(8) NOT NULL,
  gateway_id VARCHAR(64) NOT NULL,
  reference VARCHAR(64),
  carrier_message_id VARCHAR(128),
  sender VARCHAR(64) NOT NULL,
  contact_phone VARCHAR(16) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  media MEDIUMTEXT,
  segments INTEGER NOT NULL,
  status VARCHAR(16) NOT NULL,
  status_rank SMALLINT NOT NULL,
  unconfirmed BOOLEAN DEFAULT FALSE NOT NULL,
  error_kind VARCHAR(32),
  carrier_code VARCHAR(64),
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT messages_pk PRIMARY KEY (id),
  CONSTRAINT messages_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id),
  CONSTRAINT messages_reference UNIQUE (org_id, reference),
  CONSTRAINT messages_carrier_id UNIQUE (gateway_id, carrier_message_id),
  CONSTRAINT messages_direction CHECK (direction IN ('OUTBOUND', 'INBOUND'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The number each contact is texted from, per organization and gateway (sticky across actions).
-- last_used_at: when p2p last chose or sent from it; inbound messages go to the organization
-- whose binding for (gateway, contact) is the number they reached, the latest used first.
CREATE TABLE sender_bindings (
  org_id VARCHAR(128) NOT NULL,
  gateway_id VARCHAR(64) NOT NULL,
  contact_phone VARCHAR(16) NOT NULL,
  sender VARCHAR(16) NOT NULL,
  last_used_at DATETIME(6) NOT NULL,
  CONSTRAINT sender_bindings_pk PRIMARY KEY (org_id, gateway_id, contact_phone),
  CONSTRAINT sender_bindings_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX sender_bindings_by_sender ON sender_bindings (org_id, gateway_id, sender);
CREATE INDEX sender_bindings_by_contact ON sender_bindings (gateway_id, contact_phone);

-- Status updates that came before their message's send receipt was stored (a fast carrier can
-- call back between answering the send and p2p's commit of the receipt). Storing the receipt
-- applies them in arrival order, forward only, and deletes them; unclaimed ones are pruned after
-- a day when new ones arrive.
CREATE TABLE early_statuses (
  gateway_id VARCHAR(64) NOT NULL,
  carrier_message_id VARCHAR(128) NOT NULL,
  status VARCHAR(16) NOT NULL,
  error_kind VARCHAR(32),
  carrier_code VARCHAR(64),
  received_at DATETIME(6) NOT NULL,
  CONSTRAINT early_statuses_pk PRIMARY KEY (gateway_id, carrier_message_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX early_statuses_by_age ON early_statuses (received_at);
