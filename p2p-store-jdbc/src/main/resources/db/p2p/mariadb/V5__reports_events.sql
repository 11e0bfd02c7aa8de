-- p2p schema, version 5: what reports need kept as messages are sent, and the event feed. Kept
-- close to identical across the h2, postgresql and mariadb folders; only types and table options
-- differ.

-- messages.action_id: the action of the message's conversation, so reports read one action's
-- messages without a join. messages.texter_id: who sent an outbound message (NULL for automatic
-- answers), or who held the conversation when an inbound one arrived. messages.response_ms: for a
-- texter's reply sent while the contact wrote last, the milliseconds since the contact's message.
ALTER TABLE messages ADD COLUMN action_id BIGINT;
ALTER TABLE messages ADD COLUMN texter_id VARCHAR(255);
ALTER TABLE messages ADD COLUMN response_ms BIGINT;
UPDATE messages m JOIN conversations c ON c.id = m.conversation_id SET m.action_id = c.action_id;
CREATE INDEX messages_by_action ON messages (action_id, direction, status);

-- conversations.variant and initial_segments: the initial-message variant the first message
-- rendered and its segments; NULL until the first message is recorded.
ALTER TABLE conversations ADD COLUMN variant INTEGER;
ALTER TABLE conversations ADD COLUMN initial_segments INTEGER;

-- The answers of each conversation's filed report, one row per answer, for per-question counts.
-- Filing again replaces the conversation's rows.
CREATE TABLE report_answers (
  conversation_id BIGINT NOT NULL,
  action_id BIGINT NOT NULL,
  prompt VARCHAR(1000) NOT NULL,
  answer MEDIUMTEXT NOT NULL,
  CONSTRAINT report_answers_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX report_answers_by_conversation ON report_answers (conversation_id);
-- A prefix of the prompt: utf8mb4 VARCHAR(1000) is over InnoDB's 3,072-byte key limit.
CREATE INDEX report_answers_by_action ON report_answers (action_id, prompt(255));

-- The event feed. event_position: 1, 2, 3... per organization without gaps, in commit order: a
-- transaction takes its positions from event_positions as its last statement, so the row lock
-- it holds until commit orders the organization's writers. event_type: the change's type name;
-- payload: its data as JSON (dev.p2p.event.EventJson).
CREATE TABLE event_positions (
  org_id VARCHAR(128) NOT NULL,
  last_position BIGINT NOT NULL,
  PRIMARY KEY (org_id),
  CONSTRAINT event_positions_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO event_positions (org_id, last_position) SELECT org_id, 0 FROM organizations;

CREATE TABLE events (
  org_id VARCHAR(128) NOT NULL,
  event_position BIGINT NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  occurred_at DATETIME(6) NOT NULL,
  payload MEDIUMTEXT NOT NULL,
  PRIMARY KEY (org_id, event_position),
  CONSTRAINT events_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
