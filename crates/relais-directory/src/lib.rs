//! The directory of places (lieux de médiation numérique) as pure data: the model, the
//! controlled vocabularies of the national schema (v1.0.2), row-by-row validation of CSV and
//! JSON imports into a report, and the distance between two points. No I/O: the store and
//! the CLI feed it bytes and persist what it accepts, so every rule is unit-tested here.

pub mod communes;
pub mod editing;
pub mod data_inclusion;
pub mod geo;
pub mod hours;
pub mod export;
pub mod import;
pub mod index;
mod legacy;
pub mod model;
mod parallel;
pub mod reason;
pub mod search;
pub mod social;
pub mod vocab;

pub use import::{parse, Format, ImportReport, Rejected};
pub use reason::Reason;
pub use model::Place;
