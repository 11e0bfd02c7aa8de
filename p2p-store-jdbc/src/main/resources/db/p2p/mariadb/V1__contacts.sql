-- p2p schema, version 1: organizations, texters and their groups, contact lists and contacts.
-- Every table carries org_id and every query filters on it. Kept close to identical across the
-- h2, postgresql and mariadb folders; only types and table options differ.

CREATE TABLE organizations (
  org_id VARCHAR(128) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT organizations_pk PRIMARY KEY (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE texters (
  org_id VARCHAR(128) NOT NULL,
  id VARCHAR(255) NOT NULL,
  first_name VARCHAR(1000) NOT NULL,
  last_name VARCHAR(1000) NOT NULL,
  CONSTRAINT texters_pk PRIMARY KEY (org_id, id),
  CONSTRAINT texters_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Teams and user lists; kind is TEAM or USER_LIST.
CREATE TABLE texter_groups (
  org_id VARCHAR(128) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  id VARCHAR(255) NOT NULL,
  name VARCHAR(1000) NOT NULL,
  CONSTRAINT texter_groups_pk PRIMARY KEY (org_id, kind, id),
  CONSTRAINT texter_groups_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id),
  CONSTRAINT texter_groups_kind CHECK (kind IN ('TEAM', 'USER_LIST'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE group_members (
  org_id VARCHAR(128) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  group_id VARCHAR(255) NOT NULL,
  texter_id VARCHAR(255) NOT NULL,
  CONSTRAINT group_members_pk PRIMARY KEY (org_id, kind, group_id, texter_id),
  CONSTRAINT group_members_group_fk FOREIGN KEY (org_id, kind, group_id)
    REFERENCES texter_groups (org_id, kind, id),
  CONSTRAINT group_members_texter_fk FOREIGN KEY (org_id, texter_id) REFERENCES texters (org_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX group_members_by_texter ON group_members (org_id, texter_id);

-- A list being imported has status IMPORTING and is invisible until it turns READY.
-- contact_count is maintained by every write to the list's contacts.
CREATE TABLE contact_lists (
  id BIGINT AUTO_INCREMENT,
  org_id VARCHAR(128) NOT NULL,
  name VARCHAR(1000) NOT NULL,
  status VARCHAR(16) NOT NULL,
  contact_count BIGINT DEFAULT 0 NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT contact_lists_pk PRIMARY KEY (id),
  CONSTRAINT contact_lists_org_fk FOREIGN KEY (org_id) REFERENCES organizations (org_id),
  CONSTRAINT contact_lists_status CHECK (status IN ('IMPORTING', 'READY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX contact_lists_by_org ON contact_lists (org_id, created_at, id);

-- fields holds the custom fields as a JSON object, in column order; NULL when there are none.
--
-- Bulk imports write millions of rows here, so the table carries as few indexes in random order
-- as it can (measured: see BENCHMARKS.md):
-- * one unique index (org_id, phone, list_id) both keeps a phone once per list (a list belongs to
--   one organization, so this is UNIQUE (list_id, phone)) and serves look-ups by phone;
-- * no foreign key to contact_lists: a per-row foreign-key check cost a third of a bulk load on
--   PostgreSQL. Every writer locks the list row first (the contact_count update, or SELECT ...
--   FOR UPDATE before a delete), so no contact can be written into a list being deleted.
CREATE TABLE contacts (
  id BIGINT AUTO_INCREMENT,
  org_id VARCHAR(128) NOT NULL,
  list_id BIGINT NOT NULL,
  phone VARCHAR(16) NOT NULL,
  first_name VARCHAR(1000) NOT NULL,
  last_name VARCHAR(1000) NOT NULL,
  zip VARCHAR(20),
  time_zone VARCHAR(64),
  zip_state VARCHAR(8),
  area_code_state VARCHAR(8),
  external_id VARCHAR(255),
  fields MEDIUMTEXT,
  CONSTRAINT contacts_pk PRIMARY KEY (id),
  CONSTRAINT contacts_phone_in_list UNIQUE (org_id, phone, list_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX contacts_by_list ON contacts (org_id, list_id, id);
