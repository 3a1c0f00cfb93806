//! The short reference a person reads out on the phone. Its alphabet leaves out characters
//! that sound or look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B), and it is always shown as two groups
//! of three, e.g. `K7M-4QX`. Input is forgiving: case, spaces and dashes are ignored.

use rand::Rng;

pub const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
const LEN: usize = 6;

/// A new random reference, formatted `XXX-XXX`.
pub fn generate(rng: &mut impl Rng) -> String {
    let mut s = String::with_capacity(LEN + 1);
    for i in 0..LEN {
        if i == 3 {
            s.push('-');
        }
        s.push(ALPHABET[rng.random_range(0..ALPHABET.len())] as char);
    }
    s
}

/// Canonical form of what a person typed or said, or `None` when it cannot be a reference.
pub fn normalize(input: &str) -> Option<String> {
    let chars: Vec<u8> = input
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'-' && *b != b'.')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if chars.len() != LEN || !chars.iter().all(|c| ALPHABET.contains(c)) {
        return None;
    }
    let s = String::from_utf8(chars).ok()?;
    Some(format!("{}-{}", &s[..3], &s[3..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_use_only_unambiguous_characters() {
        let mut rng = rand::rng();
        for _ in 0..1000 {
            let r = generate(&mut rng);
            assert_eq!(r.len(), 7);
            assert_eq!(&r[3..4], "-");
            for c in r.chars().filter(|c| *c != '-') {
                assert!(!"0O1IL2Z5S8B".contains(c), "{r}");
            }
            assert_eq!(normalize(&r).as_deref(), Some(r.as_str()));
        }
    }

    #[test]
    fn typed_forms_are_forgiven() {
        assert_eq!(normalize(" k7m 4qx ").as_deref(), Some("K7M-4QX"));
        assert_eq!(normalize("K7M4QX").as_deref(), Some("K7M-4QX"));
        assert_eq!(normalize("K7M-4Q"), None);
        assert_eq!(normalize("K0M-4QX"), None, "0 is not in the alphabet");
    }
}
