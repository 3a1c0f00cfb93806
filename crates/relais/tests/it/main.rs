//! End-to-end tests: each starts the real server on a free port, with its own database,
//! and drives it over HTTP. The database is SQLite unless RELAIS_TEST_POSTGRES_URL is set,
//! in which case every test gets a fresh PostgreSQL database (see `support`).

mod support;

mod api_basics;
mod cli;
mod authz_matrix;
mod concurrency;
mod dispatch;
mod dispatch_sql_matches_domain;
mod durability;
mod intake;
mod lifecycle;
mod line_calls;
mod outbox;
mod pages;
mod people;
mod places;
mod places_admin;
mod places_snapshot;
mod places_data_inclusion;
mod privacy;
mod referrals;
mod tutorials;
mod shifts;
mod shifts_mail;
mod staffing;
mod sms_outbox;
mod telephony;
