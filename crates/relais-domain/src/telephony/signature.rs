//! `X-Twilio-Signature`: HMAC-SHA1 keyed with the account's auth token over the full public
//! URL (query string included) followed by every POST parameter's name and value, sorted by
//! name, Base64-encoded. SignalWire's compatibility API signs the same way.

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

type HmacSha1 = Hmac<Sha1>;

fn mac(auth_token: &str, url: &str, params: &[(String, String)]) -> HmacSha1 {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = HmacSha1::new_from_slice(auth_token.as_bytes()).expect("HMAC takes any key length");
    mac.update(url.as_bytes());
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    // Sorted by name; equal names keep their value order sorted too, as Twilio's libraries do.
    sorted.sort();
    for (name, value) in sorted {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

/// The signature a provider would send for this request.
pub fn sign(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    base64::engine::general_purpose::STANDARD.encode(mac(auth_token, url, params).finalize().into_bytes())
}

/// Whether `signature` (the header's value) is right, compared in constant time.
pub fn verify(auth_token: &str, url: &str, params: &[(String, String)], signature: &str) -> bool {
    let Ok(given) = base64::engine::general_purpose::STANDARD.decode(signature.trim()) else {
        return false;
    };
    mac(auth_token, url, params).verify_slice(&given).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference_params() -> Vec<(String, String)> {
        [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

    #[test]
    fn reference_vector() {
        assert_eq!(sign("12345", URL, &reference_params()), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assert!(verify("12345", URL, &reference_params(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    #[test]
    fn order_of_parameters_does_not_matter() {
        let mut params = reference_params();
        params.reverse();
        assert!(verify("12345", URL, &params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    #[test]
    fn any_change_breaks_it() {
        let mut params = reference_params();
        params[2].1 = "1235".into();
        assert!(!verify("12345", URL, &params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assert!(!verify("12346", URL, &reference_params(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assert!(!verify("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", &reference_params(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assert!(!verify("12345", URL, &reference_params(), "not base64 !"));
        assert!(!verify("12345", URL, &reference_params(), ""));
    }
}
