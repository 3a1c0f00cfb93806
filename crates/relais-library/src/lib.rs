//! The tutorial library of Relais: the shipped step-by-step guides (`content/tutorials`), their
//! parser, the content rules the test suite enforces, and the search that finds them from the
//! words people use. Pure Rust: no HTTP, no database (the web crate stores revisions and serves
//! pages on top of this crate).

pub mod check;
mod inline;
mod library;
mod model;
mod parse;
pub mod search;

pub use library::{is_valid_slug, Library, LoadError, LoadFault, LoadProblem};
pub use model::{Lang, Link, Step, Trouble, Tutorial, Variant};
pub use parse::{parse, ContentError, ErrorCode};
