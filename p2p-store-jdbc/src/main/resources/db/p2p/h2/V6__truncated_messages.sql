-- p2p schema, version 6: whether p2p cut an inbound message to fit (its body to 4,096 characters,
-- its media to 10 URLs of at most 2,048 characters: dev.p2p.conversation.Message's limits, the
-- same on every store). Identical across the h2, postgresql and mariadb folders.
ALTER TABLE messages ADD COLUMN truncated BOOLEAN DEFAULT FALSE NOT NULL;
