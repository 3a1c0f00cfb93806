//! A real SMTP server on 127.0.0.1 for the tests: it speaks enough RFC 5321 for a real
//! client (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) and records
//! every message it accepts (envelope and raw data), so tests assert on what actually went
//! over the wire. It can be told to refuse recipients with a given code.
//!
//! Written here rather than taken from a crate: the maintained embeddable server
//! (mailin-embedded) pulls rustls with its default aws-lc-rs provider, a C build with
//! cmake, and has no way to stop; this one is a tokio task the test owns.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// The reverse path of `MAIL FROM:<…>`.
    pub mail_from: String,
    /// The forward paths of `RCPT TO:<…>`.
    pub rcpt_to: Vec<String>,
    /// The message as sent after DATA, dot-unstuffed, CRLF line ends, without the final dot.
    pub data: String,
}

impl ReceivedMail {
    /// The first header `name` (case-insensitive), unfolded, still MIME-encoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let mut found: Option<String> = None;
        for line in head.split("\r\n") {
            if line.starts_with(' ') || line.starts_with('\t') {
                if let Some(v) = found.as_mut() {
                    v.push_str(line);
                }
                continue;
            }
            if found.is_some() {
                break;
            }
            if let Some((n, v)) = line.split_once(':')
                && n.eq_ignore_ascii_case(name)
            {
                found = Some(v.trim_start().to_owned());
            }
        }
        found
    }

    /// The Subject, decoded from RFC 2047 encoded words.
    pub fn subject(&self) -> String {
        decode_encoded_words(&self.header("Subject").unwrap_or_default())
    }

    /// The body decoded from its Content-Transfer-Encoding, as UTF-8 with `\n` line ends.
    pub fn body_text(&self) -> String {
        let body = self.data.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let cte = self.header("Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
        let bytes = match cte.trim() {
            "quoted-printable" => decode_quoted_printable(body),
            "base64" => decode_base64(&body.replace("\r\n", "")),
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8(bytes).expect("body is UTF-8").replace("\r\n", "\n")
    }
}

/// How the server answers; changed by the test while it runs.
#[derive(Default)]
struct Behaviour {
    /// When set, every RCPT is refused with this code.
    reject_rcpt: AtomicU16,
}

pub struct SmtpServer {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    behaviour: Arc<Behaviour>,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A port nothing listens on right now (bound, then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl SmtpServer {
    /// Starts on a free port.
    pub async fn start() -> SmtpServer {
        Self::start_on(0).await
    }

    /// Starts on `port` (0: a free one).
    pub async fn start_on(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind the test SMTP server");
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let behaviour = Arc::new(Behaviour::default());
        let connections = Arc::new(AtomicUsize::new(0));
        let task = {
            let (received, behaviour, connections) = (received.clone(), behaviour.clone(), connections.clone());
            tokio::spawn(async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else { continue };
                    connections.fetch_add(1, Ordering::SeqCst);
                    let (received, behaviour) = (received.clone(), behaviour.clone());
                    tokio::spawn(async move {
                        let _ = session(stream, received, behaviour).await;
                    });
                }
            })
        };
        SmtpServer { addr, received, behaviour, connections, task }
    }

    /// The URL to give Relais (`--smtp-url`).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// From now on, refuse every recipient with `code` (e.g. 550: permanent).
    pub fn reject_recipients_with(&self, code: u16) {
        self.behaviour.reject_rcpt.store(code, Ordering::SeqCst);
    }

    /// Everything accepted so far.
    pub fn received(&self) -> Vec<ReceivedMail> {
        self.received.lock().unwrap().clone()
    }

    /// SMTP connections opened so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Waits until at least `n` messages were accepted (panics after `timeout`).
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("the SMTP server received {} message(s), expected {n}", got.len());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// One SMTP session (RFC 5321 §4.1), strictly sequential (no PIPELINING advertised).
async fn session(stream: TcpStream, received: Arc<Mutex<Vec<ReceivedMail>>>, behaviour: Arc<Behaviour>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 relais-test ESMTP ready\r\n").await?;
    let mut greeted = false;
    let mut from: Option<String> = None;
    let mut rcpts: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line).trim_end_matches(['\r', '\n']).to_owned();
        let (verb, arg) = match text.split_once(' ') {
            Some((v, a)) => (v.to_ascii_uppercase(), a.trim().to_owned()),
            None => (text.to_ascii_uppercase(), String::new()),
        };
        let reply: &[u8] = match verb.as_str() {
            "EHLO" if !arg.is_empty() => {
                greeted = true;
                from = None;
                rcpts.clear();
                b"250-relais-test greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            }
            "HELO" if !arg.is_empty() => {
                greeted = true;
                from = None;
                rcpts.clear();
                b"250 relais-test\r\n"
            }
            "EHLO" | "HELO" => b"501 5.5.4 domain name required\r\n",
            "MAIL" if !greeted || from.is_some() => b"503 5.5.1 bad sequence of commands\r\n",
            "MAIL" => match path_after(&arg, "FROM:") {
                Some(p) => {
                    from = Some(p);
                    b"250 2.1.0 OK\r\n"
                }
                None => b"501 5.5.4 syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" if from.is_none() => b"503 5.5.1 need MAIL first\r\n",
            "RCPT" => match path_after(&arg, "TO:") {
                Some(_) if behaviour.reject_rcpt.load(Ordering::SeqCst) != 0 => {
                    let code = behaviour.reject_rcpt.load(Ordering::SeqCst);
                    let reply = format!("{code} 5.1.1 mailbox unavailable\r\n");
                    write.write_all(reply.as_bytes()).await?;
                    continue;
                }
                Some(p) => {
                    rcpts.push(p);
                    b"250 2.1.5 OK\r\n"
                }
                None => b"501 5.5.4 syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if rcpts.is_empty() => b"503 5.5.1 need RCPT first\r\n",
            "DATA" => {
                write.write_all(b"354 end data with <CRLF>.<CRLF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_until(b'\n', &mut line).await? == 0 {
                        return Ok(());
                    }
                    let l = String::from_utf8_lossy(&line).into_owned();
                    if l == ".\r\n" || l == ".\n" {
                        break;
                    }
                    // Dot-unstuffing (RFC 5321 §4.5.2).
                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                }
                let data = data.strip_suffix("\r\n").unwrap_or(&data).to_owned();
                received.lock().unwrap().push(ReceivedMail {
                    mail_from: from.take().unwrap_or_default(),
                    rcpt_to: std::mem::take(&mut rcpts),
                    data,
                });
                b"250 2.0.0 queued\r\n"
            }
            "RSET" => {
                from = None;
                rcpts.clear();
                b"250 2.0.0 OK\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// `<addr>` after `FROM:` / `TO:` (case-insensitive), ignoring ESMTP parameters.
fn path_after(arg: &str, prefix: &str) -> Option<String> {
    if arg.len() < prefix.len() || !arg[..prefix.len()].eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = arg[prefix.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_owned())
}

fn decode_quoted_printable(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3; // soft line break
                continue;
            }
            if let Some(hex) = s.get(i + 1..i + 3)
                && let Ok(v) = u8::from_str_radix(hex, 16)
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn decode_base64(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s.trim()).expect("valid base64")
}

/// Decodes `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words; plain text passes through.
fn decode_encoded_words(s: &str) -> String {
    let mut out = Vec::new();
    let mut rest = s;
    let mut last_was_word = false;
    while !rest.is_empty() {
        if let Some(start) = rest.find("=?") {
            let between = &rest[..start];
            // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
            if !(last_was_word && between.trim().is_empty()) {
                out.extend_from_slice(between.as_bytes());
            }
            let word = &rest[start + 2..];
            let parts: Vec<&str> = word.splitn(3, '?').collect();
            if parts.len() == 3
                && let Some(end) = parts[2].find("?=")
            {
                let text = &parts[2][..end];
                let bytes = if parts[1].eq_ignore_ascii_case("b") {
                    decode_base64(text)
                } else {
                    decode_quoted_printable(&text.replace('_', " "))
                };
                out.extend_from_slice(&bytes);
                let consumed = start + 2 + parts[0].len() + 1 + parts[1].len() + 1 + end + 2;
                rest = &rest[consumed..];
                last_was_word = true;
                continue;
            }
            out.extend_from_slice(rest.as_bytes());
            break;
        } else {
            out.extend_from_slice(rest.as_bytes());
            break;
        }
    }
    String::from_utf8(out).expect("subject is UTF-8")
}
