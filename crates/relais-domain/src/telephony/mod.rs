//! The phone line and SMS, as pure rules: the provider's webhook signature (Twilio's
//! algorithm, which SignalWire also uses), the voice menu as a state machine, SMS segment
//! counting, STOP keywords and sender names. The web crate turns these decisions into TwiML
//! and HTTP; nothing here does I/O.

pub mod callback;
pub mod cti;
pub mod ivr;
pub mod signature;
pub mod sms;
