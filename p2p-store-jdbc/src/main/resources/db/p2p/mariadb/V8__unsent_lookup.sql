-- A texter's claimed-but-unsent conversations across actions, in id order: the texter's rows
-- still waiting for their first message, read from an id on (one action's are read through
-- conversations_pool). Lookups by phone use conversations_by_phone.
CREATE INDEX conversations_unsent ON conversations (org_id, texter_id, status, id);
