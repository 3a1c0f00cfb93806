//! TwiML answers parsed with a real XML parser into a small tree, and webhooks posted the
//! way a provider posts them (form-encoded, signed with the reference algorithm).

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct El {
    pub name: String,
    pub attrs: HashMap<String, String>,
    pub text: String,
    pub children: Vec<El>,
}

impl El {
    pub fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map(String::as_str).unwrap_or_else(|| panic!("<{}> has no {name}: {self:?}", self.name))
    }
    pub fn names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
    pub fn child(&self, name: &str) -> &El {
        self.children.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no <{name}> in {:?}", self.names()))
    }
    /// Every `<Say>` text below this element, in order.
    pub fn says(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.children {
            if c.name == "Say" {
                out.push(c.text.clone());
            }
            out.extend(c.says());
        }
        out
    }
}

/// Parses a TwiML document; panics (failing the test) on anything malformed.
pub fn parse(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                stack.push(element(&e));
            }
            Event::Empty(e) => {
                let el = element(&e);
                stack.last_mut().unwrap().children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(el);
            }
            Event::Text(t) => {
                let text = t.decode().expect("utf-8").into_owned();
                let text = quick_xml::escape::unescape(&text).expect("entities").into_owned();
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                };
                stack.last_mut().unwrap().text.push_str(ch);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    let response = root.children.into_iter().next().unwrap();
    assert_eq!(response.name, "Response");
    response
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> El {
    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
    let mut attrs = HashMap::new();
    for a in e.attributes() {
        let a = a.expect("attribute");
        let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
        let value = a.normalized_value(quick_xml::XmlVersion::Explicit1_0).expect("attribute value").into_owned();
        attrs.insert(key, value);
    }
    El { name, attrs, ..El::default() }
}
