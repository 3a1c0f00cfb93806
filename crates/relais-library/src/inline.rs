//! Markdown inline text → safe HTML. Only what a step needs survives: text (escaped),
//! emphasis, strong, code, and links to `https://` addresses. Raw HTML in the source is shown
//! as text, never passed through, so an editor cannot inject markup into a public page.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The HTML and the link targets (every one, valid or not, for the content rules).
pub(crate) fn render_inline(markdown: &str) -> (String, Vec<String>) {
    let mut html = String::with_capacity(markdown.len() + 16);
    let mut links = Vec::new();
    // One entry per open link: whether an <a> was written (a bad target renders as text).
    let mut open_links: Vec<bool> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) => escape_into(&mut html, &t),
            Event::Code(t) => {
                html.push_str("<code>");
                escape_into(&mut html, &t);
                html.push_str("</code>");
            }
            Event::Html(t) | Event::InlineHtml(t) => escape_into(&mut html, &t),
            Event::SoftBreak | Event::HardBreak => html.push(' '),
            Event::Start(Tag::Emphasis) => html.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => html.push_str("</em>"),
            Event::Start(Tag::Strong) => html.push_str("<strong>"),
            Event::End(TagEnd::Strong) => html.push_str("</strong>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push(dest_url.to_string());
                let ok = is_https_url(&dest_url);
                if ok {
                    html.push_str("<a href=\"");
                    escape_into(&mut html, &dest_url);
                    html.push_str("\">");
                }
                open_links.push(ok);
            }
            Event::End(TagEnd::Link) => {
                if open_links.pop() == Some(true) {
                    html.push_str("</a>");
                }
            }
            // Paragraph wrappers, images (their alt text arrives as Text), anything else: the
            // text inside is kept, the markup is not.
            _ => {}
        }
    }
    (html.trim().to_string(), links)
}

/// The words a reader sees: text and code, without markup or link targets.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// A domain name only: lowercase ASCII labels of letters, digits and inner dashes, at least
/// two labels, the last one alphabetic (`caf.fr`, `mes-aides.france-travail.fr`).
pub fn is_bare_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && s.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase()))
}

/// `https://` + a bare domain + an optional path, query or fragment without spaces, quotes or
/// angle brackets.
pub fn is_https_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else { return false };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    is_bare_domain(host)
        && tail.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_raw_html() {
        let (html, links) = render_inline("Touchez <b>OK</b> & *vite*");
        assert_eq!(html, "Touchez &lt;b&gt;OK&lt;/b&gt; &amp; <em>vite</em>");
        assert!(links.is_empty());
    }

    #[test]
    fn keeps_https_links_only() {
        let (html, links) = render_inline("Allez sur [le site](https://www.caf.fr/allocataires) ou [là](javascript:alert(1)).");
        assert_eq!(html, "Allez sur <a href=\"https://www.caf.fr/allocataires\">le site</a> ou là.");
        assert_eq!(links, vec!["https://www.caf.fr/allocataires", "javascript:alert(1)"]);
    }

    #[test]
    fn domains_and_urls() {
        assert!(is_bare_domain("caf.fr"));
        assert!(is_bare_domain("mes-aides.france-travail.fr"));
        for bad in ["https://caf.fr", "caf.fr/x", "CAF.fr", "caf", "caf.", "-a.fr", "a b.fr", "caf.fr:443"] {
            assert!(!is_bare_domain(bad), "{bad}");
        }
        assert!(is_https_url("https://www.impots.gouv.fr/accueil?x=1#a"));
        for bad in ["http://caf.fr", "https://", "https://caf", "https://caf.fr/a b", "https://caf.fr/\"x"] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}
