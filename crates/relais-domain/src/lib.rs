//! The rules of Relais, with no I/O: what a help request is, how it moves from state to
//! state, which request a volunteer gets next, how long a person should expect to wait, and
//! who may do what. Storage and HTTP are adapters around this crate; nothing here knows
//! about SQL, sockets, clocks or randomness sources it is not handed.
//!
//! Time is always passed in as milliseconds since the Unix epoch (`i64`), the same unit the
//! database stores, so every rule is testable with any instant.

pub mod authz;
pub mod dispatch;
pub mod forecast;
pub mod lifecycle;
pub mod people;
pub mod mail;
pub mod phone;
pub mod reference;
pub mod referral;
pub mod request;
pub mod retention;
pub mod schedule;
pub mod staffing;
pub mod telephony;
pub mod topics;
pub mod wait;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

pub const MINUTE: Millis = 60_000;
pub const HOUR: Millis = 60 * MINUTE;
pub const DAY: Millis = 24 * HOUR;
