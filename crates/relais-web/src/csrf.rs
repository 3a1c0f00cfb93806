//! CSRF protection for every form: a per-session token for signed-in people, and for the
//! public a random token kept in an encrypted cookie (set by [`crate::i18n::page_context`]).
//! A form carries the token in a hidden `csrf` field; [`matches`] compares in constant time.

pub const ANON_COOKIE: &str = "relais_csrf";

/// Constant-time comparison of the expected and the submitted token.
pub fn matches(expected: &str, submitted: &str) -> bool {
    let (a, b) = (expected.as_bytes(), submitted.as_bytes());
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_must_match_exactly() {
        assert!(super::matches("abc", "abc"));
        assert!(!super::matches("abc", "abd"));
        assert!(!super::matches("abc", "ab"));
        assert!(!super::matches("", ""));
    }
}
