//! Phone numbers: parsed with libphonenumber's rules (the `phonenumber` crate), French
//! formats by default, stored in E.164, shown masked everywhere except to the volunteer who
//! holds the request.

use phonenumber::country::Id;
use phonenumber::Mode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the phone number is empty")]
    Empty,
    #[error("this is not a phone number")]
    Malformed,
    #[error("this phone number does not exist")]
    Invalid,
}

/// Normalises what a person typed (`06 12 34 56 78`, `+33 6…`, `0033 6…`, `+32 …`) to E.164.
pub fn normalize(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    if trimmed.chars().any(|c| c.is_alphabetic()) || trimmed.len() > 32 {
        return Err(PhoneError::Malformed);
    }
    // "00" is the international prefix in France and most of Europe.
    let candidate = match trimmed.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => trimmed.to_owned(),
    };
    let number = phonenumber::parse(Some(Id::FR), &candidate).map_err(|_| PhoneError::Malformed)?;
    if !phonenumber::is_valid(&number) {
        return Err(PhoneError::Invalid);
    }
    Ok(number.format().mode(Mode::E164).to_string())
}

/// A masked form for lists and logs: keeps the country code and the last two digits.
pub fn mask(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 {
        return "••".into();
    }
    let cc_len = if e164.starts_with("+33") { 2 } else { 2.min(digits.len() - 2) };
    let cc: String = digits[..cc_len].iter().collect();
    let tail: String = digits[digits.len() - 2..].iter().collect();
    format!("+{cc} •• •• •• {tail}")
}

/// Human form for the holder of the request (`+33 6 12 34 56 78`).
pub fn display(e164: &str) -> String {
    match phonenumber::parse(None, e164) {
        Ok(n) => n.format().mode(Mode::International).to_string(),
        Err(_) => e164.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_formats_become_e164() {
        for input in ["06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "+33 (0)6 12 34 56 78"] {
            assert_eq!(normalize(input).as_deref(), Ok("+33612345678"), "{input}");
        }
        assert_eq!(normalize("01 44 55 66 77").as_deref(), Ok("+33144556677"));
    }

    #[test]
    fn international_numbers_are_kept() {
        assert_eq!(normalize("+32 470 12 34 56").as_deref(), Ok("+32470123456"));
        assert_eq!(normalize("+212 6 61 23 45 67").as_deref(), Ok("+212661234567"));
    }

    #[test]
    fn bad_numbers_are_refused_with_a_reason() {
        assert_eq!(normalize(""), Err(PhoneError::Empty));
        assert_eq!(normalize("call me"), Err(PhoneError::Malformed));
        assert_eq!(normalize("06 12"), Err(PhoneError::Invalid));
        assert_eq!(normalize("+33 6 12 34 56 78 90 12"), Err(PhoneError::Invalid));
    }

    #[test]
    fn masks_hide_all_but_the_end() {
        assert_eq!(mask("+33612345678"), "+33 •• •• •• 78");
        assert!(!mask("+33612345678").contains("1234"));
    }
}
