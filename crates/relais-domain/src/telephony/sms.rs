//! SMS rules: what a message costs in segments (GSM-7 with its extension table, else UCS-2),
//! which replies mean "stop sending me messages", and what an alphanumeric sender name may be.

/// GSM 03.38 basic character set (one septet each).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// GSM 03.38 extension table: an escape septet plus one, so two septets each.
const GSM_EXTENSION: &str = "^{}\\[~]|€\u{c}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub count: usize,
}

fn gsm_cost(c: char) -> Option<usize> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Packs units into segments of `per` without splitting one character (an escape pair or a
/// surrogate pair) across two, as handsets and providers do.
fn pack(costs: &[usize], single: usize, per: usize) -> usize {
    let total: usize = costs.iter().sum();
    if total == 0 {
        return 1;
    }
    if total <= single {
        return 1;
    }
    let (mut count, mut used) = (1, 0);
    for &c in costs {
        if used + c > per {
            count += 1;
            used = 0;
        }
        used += c;
    }
    count
}

/// Segments of a text: 160 septets in one GSM-7 message, 153 per part when concatenated;
/// 70 UTF-16 units in one UCS-2 message, 67 per part.
pub fn segments(text: &str) -> Segments {
    let gsm: Option<Vec<usize>> = text.chars().map(gsm_cost).collect();
    match gsm {
        Some(costs) => Segments { encoding: Encoding::Gsm7, units: costs.iter().sum(), count: pack(&costs, 160, 153) },
        None => {
            let costs: Vec<usize> = text.chars().map(char::len_utf16).collect();
            Segments { encoding: Encoding::Ucs2, units: costs.iter().sum(), count: pack(&costs, 70, 67) }
        }
    }
}

fn fold(c: char) -> Option<char> {
    let c = match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'A',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' | 'Î' | 'Ï' => 'I',
        'ô' | 'ö' | 'Ô' | 'Ö' => 'O',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' | 'Ç' => 'C',
        c if c.is_ascii_alphanumeric() => c.to_ascii_uppercase(),
        // Spaces, punctuation and emoji around the word do not change its meaning.
        _ => return None,
    };
    Some(c)
}

/// The whole message is an opt-out keyword (`STOP`, `Arrêt`, `stop all`, ` Stop ! `…).
/// A sentence that merely contains "stop" is not: it is a need to read.
pub fn is_stop(text: &str) -> bool {
    let folded: String = text.chars().filter_map(fold).collect();
    matches!(folded.as_str(), "STOP" | "ARRET" | "STOPALL" | "UNSUBSCRIBE" | "CANCEL" | "END" | "QUIT" | "STOPSMS")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SenderError {
    #[error("the sender name is empty")]
    Empty,
    #[error("the sender name is longer than 11 characters")]
    TooLong,
    #[error("the sender name may only hold letters A–Z, digits and spaces")]
    BadCharacter,
    #[error("the sender name needs at least one letter")]
    NoLetter,
}

/// An alphanumeric sender id as operators accept it: 1 to 11 ASCII letters, digits or
/// spaces, with at least one letter (all digits would read as a phone number).
pub fn check_sender_name(name: &str) -> Result<(), SenderError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SenderError::Empty);
    }
    if name.chars().count() > 11 {
        return Err(SenderError::TooLong);
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        return Err(SenderError::BadCharacter);
    }
    if !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(SenderError::NoLetter);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_limits() {
        assert_eq!(segments(""), Segments { encoding: Encoding::Gsm7, units: 0, count: 1 });
        assert_eq!(segments(&"a".repeat(160)).count, 1);
        assert_eq!(segments(&"a".repeat(161)).count, 2);
        assert_eq!(segments(&"a".repeat(306)).count, 2);
        assert_eq!(segments(&"a".repeat(307)).count, 3);
        // French accents of the basic table stay GSM-7.
        assert_eq!(segments("Votre demande est enregistrée, à bientôt").encoding, Encoding::Ucs2); // ô is not GSM
        assert_eq!(segments("Votre demande est enregistrée, à demain").encoding, Encoding::Gsm7);
    }

    #[test]
    fn extension_characters_take_two_septets_and_are_not_split() {
        let s = segments(&"€".repeat(80));
        assert_eq!((s.encoding, s.units, s.count), (Encoding::Gsm7, 160, 1));
        assert_eq!(segments(&"€".repeat(81)).count, 2);
        // 152 plain + one euro: 154 septets in two parts, the euro starts the second.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(7));
        assert_eq!(segments(&text).count, 2);
    }

    #[test]
    fn ucs2_limits() {
        assert_eq!(segments(&"ê".repeat(70)).count, 1);
        assert_eq!(segments(&"ê".repeat(71)).count, 2);
        assert_eq!(segments(&"ê".repeat(134)).count, 2);
        assert_eq!(segments(&"ê".repeat(135)).count, 3);
        assert_eq!(segments("مرحبا").encoding, Encoding::Ucs2);
        // An emoji is two UTF-16 units.
        assert_eq!(segments("🙂").units, 2);
    }

    #[test]
    fn stop_variants() {
        for yes in ["STOP", "stop", " Stop ! ", "ARRET", "Arrêt", "arrêt.", "STOP ALL", "stopall", "Unsubscribe", "cancel", "END", "quit", "s t o p"] {
            assert!(is_stop(yes), "{yes}");
        }
        for no in ["", "Bonjour, ne pas stopper", "stop svp j'ai besoin d'aide", "STOPPER", "arrête de m'appeler demain"] {
            assert!(!is_stop(no), "{no}");
        }
    }

    #[test]
    fn sender_names() {
        assert_eq!(check_sender_name("Relais"), Ok(()));
        assert_eq!(check_sender_name("Relais Aide"), Ok(()));
        assert_eq!(check_sender_name("Relais Aid!"), Err(SenderError::BadCharacter));
        assert_eq!(check_sender_name("RelaisAide12"), Err(SenderError::TooLong));
        assert_eq!(check_sender_name("0612"), Err(SenderError::NoLetter));
        assert_eq!(check_sender_name("  "), Err(SenderError::Empty));
        assert_eq!(check_sender_name("Réseau"), Err(SenderError::BadCharacter));
    }
}
