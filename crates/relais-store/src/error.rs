use relais_domain::lifecycle::TransitionError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database configuration: {0}")]
    Config(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Transition(#[from] TransitionError),
    /// Someone else changed the row between our read and our write; the caller may retry.
    #[error("the request changed meanwhile, try again")]
    Conflict,
    #[error("already exists: {0}")]
    Duplicate(&'static str),
    #[error("unknown {0}")]
    UnknownReference(&'static str),
    /// A shift booking or cancellation the rules refuse.
    #[error("{0}")]
    Booking(#[from] relais_domain::schedule::booking::BookingRefusal),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<relais_domain::request::UnknownCode> for StoreError {
    fn from(e: relais_domain::request::UnknownCode) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

impl StoreError {
    /// Whether a unique constraint refused the write.
    pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
    }
    pub(crate) fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(d) if d.is_foreign_key_violation())
    }
}
