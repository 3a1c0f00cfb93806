//! TwiML answers, written with an XML writer (never by string pasting, so a translated
//! sentence with `&` or `<` cannot break the document).

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// Text to speech in a BCP 47 voice language (`fr-FR`, `en-GB`).
    Say { text: String, language: &'static str },
    /// Waits for keys, saying its children meanwhile, then posts them to `action`.
    Gather { action: String, num_digits: u8, timeout_secs: u64, children: Vec<Verb> },
    Redirect(String),
    /// Rings every number at once; the first who accepts gets the call. Each number's
    /// `url` is the whisper played to the volunteer before bridging (none when empty).
    Dial { action: String, timeout_secs: u64, caller_id: String, numbers: Vec<(String, String)> },
    Message(String),
    Hangup,
}

fn write_verb(w: &mut Writer<Vec<u8>>, verb: &Verb) -> std::io::Result<()> {
    match verb {
        Verb::Say { text, language } => {
            w.create_element("Say").with_attribute(("language", *language)).write_text_content(BytesText::new(text))?;
        }
        Verb::Gather { action, num_digits, timeout_secs, children } => {
            let (digits, timeout) = (num_digits.to_string(), timeout_secs.to_string());
            w.create_element("Gather")
                .with_attribute(("input", "dtmf"))
                .with_attribute(("action", action.as_str()))
                .with_attribute(("method", "POST"))
                .with_attribute(("numDigits", digits.as_str()))
                .with_attribute(("timeout", timeout.as_str()))
                .write_inner_content(|w| children.iter().try_for_each(|c| write_verb(w, c)))?;
        }
        Verb::Redirect(url) => {
            w.create_element("Redirect").with_attribute(("method", "POST")).write_text_content(BytesText::new(url))?;
        }
        Verb::Dial { action, timeout_secs, caller_id, numbers } => {
            let timeout = timeout_secs.to_string();
            w.create_element("Dial")
                .with_attribute(("action", action.as_str()))
                .with_attribute(("method", "POST"))
                .with_attribute(("timeout", timeout.as_str()))
                .with_attribute(("callerId", caller_id.as_str()))
                .write_inner_content(|w| {
                    for (number, url) in numbers {
                        let mut el = w.create_element("Number");
                        // No whisper (an empty URL): the number is bridged as soon as it answers.
                        if !url.is_empty() {
                            el = el.with_attribute(("url", url.as_str())).with_attribute(("method", "POST"));
                        }
                        el.write_text_content(BytesText::new(number))?;
                    }
                    Ok(())
                })?;
        }
        Verb::Message(text) => {
            w.create_element("Message").write_text_content(BytesText::new(text))?;
        }
        Verb::Hangup => {
            w.create_element("Hangup").write_empty()?;
        }
    }
    Ok(())
}

/// A whole `<Response>` document.
pub fn render(verbs: &[Verb]) -> String {
    let mut w = Writer::new(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w.create_element("Response").write_inner_content(|w| verbs.iter().try_for_each(|v| write_verb(w, v)));
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_nests_verbs() {
        let xml = render(&[
            Verb::Gather {
                action: "/a?x=1&y=2".into(),
                num_digits: 1,
                timeout_secs: 5,
                children: vec![Verb::Say { text: "Tom & <Jerry>".into(), language: "fr-FR" }],
            },
            Verb::Hangup,
        ]);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"dtmf\" action=\"/a?x=1&amp;y=2\" method=\"POST\" numDigits=\"1\" timeout=\"5\"><Say language=\"fr-FR\">Tom &amp; &lt;Jerry&gt;</Say></Gather><Hangup/></Response>"
        );
    }
}
