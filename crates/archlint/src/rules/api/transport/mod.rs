//! Transport: how requests travel.

pub mod insecure_server_url;
pub mod no_servers;
