-- A database behind GitHub's REST description, written for archlint's benchmarks:
-- the tables of its core resources, so that the API ↔ schema links are exercised.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  login varchar(39) NOT NULL UNIQUE,
  node_id varchar(64) NOT NULL,
  avatar_url text NOT NULL,
  name varchar(255),
  email varchar(255),
  password_hash text NOT NULL,
  site_admin boolean NOT NULL DEFAULT false,
  type varchar(20) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE repositories (
  id bigserial PRIMARY KEY,
  node_id varchar(64) NOT NULL,
  name varchar(100) NOT NULL,
  full_name varchar(140) NOT NULL,
  owner_id bigint NOT NULL REFERENCES users(id),
  private boolean NOT NULL DEFAULT false,
  description text,
  visibility varchar(10) CHECK (visibility IN ('public','private','internal')),
  default_branch varchar(255) NOT NULL DEFAULT 'main',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_id, name)
);
CREATE TABLE issues (
  id bigserial PRIMARY KEY,
  repository_id bigint NOT NULL REFERENCES repositories(id),
  number integer NOT NULL,
  title varchar(256) NOT NULL,
  body text,
  state varchar(10) NOT NULL CHECK (state IN ('open','closed')),
  state_reason varchar(20),
  locked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
