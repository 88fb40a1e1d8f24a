-- Twenty tables named after Microsoft Graph's core resources, written for archlint's
-- benchmarks: the links they make cost what linking costs on a 47 MB description.

CREATE TABLE users (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE groups (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE messages (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE events (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE calendars (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE contacts (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE drives (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE sites (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE teams (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE channels (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE applications (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE devices (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE chats (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE lists (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE notebooks (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE plans (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE tasks (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE invitations (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE domains (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);

CREATE TABLE organizations (
  id varchar(64) PRIMARY KEY,
  display_name varchar(256),
  description text,
  created_date_time timestamptz NOT NULL DEFAULT now(),
  status varchar(20) CHECK (status IN ('a','b'))
);
