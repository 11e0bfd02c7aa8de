-- p2p schema, version 2: tags, custom fields and actions; the custom-field names of each list.
-- Kept close to identical across the h2, postgresql and mariadb folders.

-- The custom-field names present in the list's contacts, as a JSON array; NULL when none. Written
-- as contacts are added and imported, so that publishing an action need not scan the list.
ALTER TABLE contact_lists ADD COLUMN field_names MEDIUMTEXT;

CREATE TABLE tags (
  org_id VARCHAR(128) NOT NULL,
  name VARCHAR(64) NOT NULL,
  description VARCHAR(1000) NOT NULL,
  CONSTRAINT tags_pk PRIMARY KEY (org_id, name),
  CONSTRAINT tags_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- options: the choices of a CHOICE field as a JSON array; NULL for other types.
CREATE TABLE custom_fields (
  org_id VARCHAR(128) NOT NULL,
  name VARCHAR(64) NOT NULL,
  label VARCHAR(255) NOT NULL,
  field_type VARCHAR(16) NOT NULL,
  options MEDIUMTEXT,
  CONSTRAINT custom_fields_pk PRIMARY KEY (org_id, name),
  CONSTRAINT custom_fields_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id),
  CONSTRAINT custom_fields_type CHECK (field_type IN ('TEXT', 'NUMBER', 'BOOLEAN', 'CHOICE', 'DATE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per action with its settings; the script tree, the report and the lists of tags and
-- fields texters may set are JSON text, always read whole. Every change is a compare-and-set on
-- (status, version).
CREATE TABLE actions (
  id BIGINT AUTO_INCREMENT,
  org_id VARCHAR(128) NOT NULL,
  name VARCHAR(255) NOT NULL,
  status VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL,
  list_id BIGINT,
  script MEDIUMTEXT NOT NULL,
  report MEDIUMTEXT NOT NULL,
  own_tags MEDIUMTEXT NOT NULL,
  own_fields MEDIUMTEXT NOT NULL,
  hours_start VARCHAR(8) NOT NULL,
  hours_end VARCHAR(8) NOT NULL,
  default_zone VARCHAR(64) NOT NULL,
  sender_gateway VARCHAR(64),
  messaging_service_id VARCHAR(255),
  sender_numbers MEDIUMTEXT,
  assign_policy VARCHAR(16) NOT NULL,
  batch_size INT NOT NULL,
  max_per_texter INT NOT NULL,
  keep_assignments BOOLEAN NOT NULL,
  smart_encoding BOOLEAN NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT actions_pk PRIMARY KEY (id),
  CONSTRAINT actions_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id),
  CONSTRAINT actions_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX actions_by_org ON actions (org_id, id);

-- Every tag and field an action may set (its own lists, its scripts' and its report's), so that
-- deleting a tag or field in use is refused with one indexed query. No foreign key to tags: a
-- draft may name tags not defined yet (publishing refuses them).
CREATE TABLE action_uses (
  org_id VARCHAR(128) NOT NULL,
  action_id BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  name VARCHAR(255) NOT NULL,
  CONSTRAINT action_uses_pk PRIMARY KEY (org_id, kind, name, action_id),
  CONSTRAINT action_uses_action_fk FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE,
  CONSTRAINT action_uses_kind CHECK (kind IN ('TAG', 'FIELD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX action_uses_by_action ON action_uses (action_id);
