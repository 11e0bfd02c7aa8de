-- p2p schema, version 4: texting. Conversations (one contact in one action), their tags and
-- field values, assignment targets, opt-outs, invalid phones, the initial-message lock and the
-- organization's texting settings. Kept close to identical across the h2, postgresql and mariadb
-- folders; only types and table options differ. Primary keys are unnamed here: MariaDB ignores
-- a primary key's name and warns about it.

-- asks_report: whether the action's report has questions now (written with the action), so that
-- whether a conversation needs attention follows the action as it is now, computed at read.
-- join_token_hash: the hash of the action's current join token; NULL when there is none.
-- pooled_through: the highest contact id of the list the action's pool was opened with, so that
-- opening it again only looks at contacts added since.
ALTER TABLE actions ADD COLUMN asks_report BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE actions ADD COLUMN join_token_hash VARCHAR(128);
ALTER TABLE actions ADD COLUMN pooled_through BIGINT DEFAULT 0 NOT NULL;
UPDATE actions SET asks_report = (report <> '[]');
CREATE INDEX actions_by_join_token ON actions (org_id, join_token_hash);

-- One contact in one action. texter_id is NULL while the conversation is in the action's pool.
-- * window_key: zone|areaCodeState|zipState of the contact, for texting-hours filtering in SQL.
-- * earlier_texter: the texter who last had the phone in an earlier action (Keep Assignments).
-- * sender: the sticky number its first message went out from.
-- * contact_wrote_last: the last message was inbound; replied: the contact wrote at least once.
-- * report: the filed report as JSON; NULL when none is filed.
-- * last_message_at: NULL until the first message either way.
-- Indexes: the pool and each texter's share (action_id, texter_id, status, id): a claim reads the
-- unassigned rows (texter_id IS NULL) waiting for a first message in id order and never walks past
-- assigned ones, and a texter's next conversation to send is the first of its rows still waiting
-- (without status, that read walked past every conversation the texter had sent); Keep
-- Assignments reads (action_id, earlier_texter, id); opt-outs, routing and earlier texters read
-- (org_id, contact_phone, action_id); inboxes read (org_id, texter_id, last_message_at, id).
CREATE TABLE conversations (
  id BIGINT AUTO_INCREMENT,
  org_id VARCHAR(128) NOT NULL,
  action_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  contact_phone VARCHAR(16) NOT NULL,
  texter_id VARCHAR(255),
  status VARCHAR(24) NOT NULL,
  unread BOOLEAN DEFAULT FALSE NOT NULL,
  window_key VARCHAR(96) NOT NULL,
  earlier_texter VARCHAR(255),
  sender VARCHAR(64),
  contact_wrote_last BOOLEAN DEFAULT FALSE NOT NULL,
  replied BOOLEAN DEFAULT FALSE NOT NULL,
  report MEDIUMTEXT,
  last_message_at DATETIME(6),
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT conversations_contact UNIQUE (action_id, contact_id),
  CONSTRAINT conversations_action_fk FOREIGN KEY (action_id) REFERENCES actions (id),
  CONSTRAINT conversations_status CHECK (status IN
    ('NEEDS_FIRST_MESSAGE', 'AWAITING_REPLY', 'NEEDS_ATTENTION', 'CLOSED', 'OPTED_OUT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX conversations_pool ON conversations (action_id, texter_id, status, id);
CREATE INDEX conversations_earlier ON conversations (action_id, earlier_texter, id);
CREATE INDEX conversations_by_phone ON conversations (org_id, contact_phone, action_id);
CREATE INDEX conversations_inbox ON conversations (org_id, texter_id, last_message_at, id);

-- Tags and custom-field values set on conversations: rows, not JSON, for per-tag reporting.
CREATE TABLE conversation_tags (
  conversation_id BIGINT NOT NULL,
  tag VARCHAR(64) NOT NULL,
  PRIMARY KEY (conversation_id, tag),
  CONSTRAINT conversation_tags_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE conversation_fields (
  conversation_id BIGINT NOT NULL,
  name VARCHAR(64) NOT NULL,
  field_value MEDIUMTEXT NOT NULL,
  PRIMARY KEY (conversation_id, name),
  CONSTRAINT conversation_fields_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The distinct window keys of each action's pool, written as the pool opens.
CREATE TABLE action_windows (
  action_id BIGINT NOT NULL,
  window_key VARCHAR(96) NOT NULL,
  PRIMARY KEY (action_id, window_key),
  CONSTRAINT action_windows_fk FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where claimers start in an action's pool: slot 0 at its lowest id, slot k at the k-th of 16
-- equal id ranges. A claim locks the lowest free slot (FOR UPDATE SKIP LOCKED) and reads free rows
-- from its start, so one claimer reads lowest ids first and concurrent claimers work on different
-- rows and pages instead of all skipping each other's locked rows at the head of the pool.
CREATE TABLE claim_slots (
  action_id BIGINT NOT NULL,
  slot INTEGER NOT NULL,
  start_id BIGINT NOT NULL,
  PRIMARY KEY (action_id, slot),
  CONSTRAINT claim_slots_fk FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who may text an action: kind TEXTER, TEAM or USER_LIST; seq keeps the order they were added.
CREATE TABLE action_targets (
  seq BIGINT AUTO_INCREMENT,
  action_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  target_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (seq),
  CONSTRAINT action_targets_target UNIQUE (action_id, kind, target_id),
  CONSTRAINT action_targets_fk FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per action and texter who claimed from its pool: locked by each claim with a limit on
-- what a texter holds, so that two claims of one texter are serialized.
CREATE TABLE action_texters (
  action_id BIGINT NOT NULL,
  texter_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (action_id, texter_id),
  CONSTRAINT action_texters_fk FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE opt_outs (
  org_id VARCHAR(128) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  source VARCHAR(16) NOT NULL,
  opted_out_at DATETIME(6) NOT NULL,
  PRIMARY KEY (org_id, phone),
  CONSTRAINT opt_outs_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE invalid_phones (
  org_id VARCHAR(128) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  marked_at DATETIME(6) NOT NULL,
  PRIMARY KEY (org_id, phone),
  CONSTRAINT invalid_phones_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The last initial message to each phone of the organization: which action sent it and when.
-- A send locks the row and refuses when another action's is within the lock window.
CREATE TABLE initial_locks (
  org_id VARCHAR(128) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  action_id BIGINT NOT NULL,
  sent_at DATETIME(6) NOT NULL,
  PRIMARY KEY (org_id, phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE org_settings (
  org_id VARCHAR(128) NOT NULL,
  settings MEDIUMTEXT NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (org_id),
  CONSTRAINT org_settings_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Messages of a conversation; an inbound message without one is unrouted.
ALTER TABLE messages ADD COLUMN conversation_id BIGINT;
CREATE INDEX messages_by_conversation ON messages (org_id, conversation_id, id);

-- Inbound messages to a number with no binding for their contact go to the organization that
-- used the number last on the gateway.
CREATE INDEX sender_bindings_by_number ON sender_bindings (gateway_id, sender, last_used_at);
