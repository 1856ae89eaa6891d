//! Fetches an article over HTTP(S): a blocking `ureq` client with rustls,
//! bounded in time, redirects and size, that hands back the body decoded
//! to UTF-8.
//!
//! The body's charset comes from the Content-Type header, else from a
//! `<meta charset>` (or `http-equiv`) in the first 4 KiB, else a byte order
//! mark; without any, it is UTF-8 when valid and windows-1252 otherwise
//! (what browsers assume for an unlabelled Western page).

use std::io;
use std::time::Duration;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::document::Format;

/// Limits of one fetch.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// For DNS resolution plus the TCP/TLS connection.
    pub connect_timeout: Duration,
    /// For the response to arrive, and for each read of its body.
    pub read_timeout: Duration,
    /// For the whole fetch, redirects and body included: a server that
    /// sends a byte now and then is not waited on forever.
    pub deadline: Duration,
    pub max_redirects: u32,
    /// Reading stops with [`FetchError::TooLarge`] beyond this many bytes.
    pub max_bytes: u64,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            deadline: Duration::from_secs(30),
            max_redirects: 5,
            max_bytes: 20 * 1024 * 1024,
            user_agent: concat!("factlens/", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }
}

/// A fetched page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The URL after redirects: relative links resolve against it.
    pub final_url: String,
    /// The Content-Type header as sent, if any.
    pub content_type: Option<String>,
    /// The body, decoded to UTF-8.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The loader the Content-Type asks for, if it names one.
    pub fn format(&self) -> Option<Format> {
        self.content_type
            .as_deref()
            .and_then(Format::from_content_type)
    }
}

/// Why a page could not be fetched. Each message names the problem; the
/// caller adds the URL.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("invalid URL: {0}")]
    InvalidUrl(String),
    #[error("could not resolve the host name")]
    Dns,
    #[error("could not connect: {0}")]
    Connect(String),
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("HTTP {code} {reason}")]
    Status { code: u16, reason: String },
    #[error("the page is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    #[error("not a text page (Content-Type: {0})")]
    NotText(String),
    #[error("the page redirects to a {0}: address, which is not fetched")]
    RedirectScheme(String),
    #[error("the server sent an empty page")]
    Empty,
    #[error("TLS error: {0}")]
    Tls(String),
    #[error("network error: {0}")]
    Other(String),
}

/// Fetches `url` (http or https only).
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    check_url(url)?;
    let started = std::time::Instant::now();
    // Redirects are followed here, not by ureq, which would read a
    // `file:` or `javascript:` address as a path on the same server.
    let mut current = url.to_owned();
    let mut hops = 0;
    let response = loop {
        let left = opts.deadline.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(FetchError::Timeout("the overall deadline".into()));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_resolve(Some(opts.connect_timeout))
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_recv_response(Some(opts.read_timeout))
            .timeout_per_read(Some(opts.read_timeout))
            .timeout_global(Some(left))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(opts.user_agent.as_str())
            .build()
            .into();
        let response = agent
            .get(&current)
            .header(
                "Accept",
                "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5",
            )
            .call()
            .map_err(|e| map_error(e, opts))?;
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .filter(|_| response.status().is_redirection());
        let Some(location) = location else {
            break response;
        };
        if hops == opts.max_redirects {
            return Err(FetchError::TooManyRedirects(opts.max_redirects));
        }
        hops += 1;
        current = resolve(&current, location.trim())?;
        check_url(&current)?;
    };
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
        });
    }
    let final_url = current;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(ct) = content_type.as_deref()
        && !is_text(ct)
    {
        return Err(FetchError::NotText(ct.to_owned()));
    }
    if let Some(len) = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        && len > opts.max_bytes
    {
        return Err(FetchError::TooLarge {
            limit: opts.max_bytes,
        });
    }
    let raw = response
        .into_body()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| map_error(e, opts))?;
    if raw.is_empty() {
        return Err(FetchError::Empty);
    }
    let body = decode(&raw, content_type.as_deref());
    Ok(Fetched {
        final_url,
        content_type,
        body: body.into_bytes(),
    })
}

/// The address a redirect's `Location` names, relative to `base`; an
/// address of another scheme than http(s) is an error naming it.
fn resolve(base: &str, location: &str) -> Result<String, FetchError> {
    let scheme_end = location.find(':').filter(|&i| {
        i > 0
            && location[..i]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && location.as_bytes()[0].is_ascii_alphabetic()
    });
    if let Some(i) = scheme_end {
        let scheme = location[..i].to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(FetchError::RedirectScheme(scheme));
        }
        return Ok(location.to_owned());
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(net) = location.strip_prefix("//") {
        return Ok(format!("{scheme}://{net}"));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &base[..scheme.len() + 3 + authority_end];
    if location.starts_with('/') {
        return Ok(format!("{origin}{location}"));
    }
    let path = &rest[authority_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    Ok(format!("{origin}{dir}{location}"))
}

fn check_url(url: &str) -> Result<(), FetchError> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
        .ok_or_else(|| {
            FetchError::InvalidUrl("only http:// and https:// URLs can be fetched".into())
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(FetchError::InvalidUrl("no host name".into()));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FetchError::InvalidUrl(
            "spaces or control characters".into(),
        ));
    }
    Ok(())
}

/// Text a reader can show: `text/*`, XHTML, XML.
fn is_text(content_type: &str) -> bool {
    let mime = crate::document::mime_type(content_type);
    mime.is_empty()
        || mime.starts_with("text/")
        || mime == "application/xhtml+xml"
        || mime == "application/xml"
}

fn map_error(e: ureq::Error, opts: &FetchOptions) -> FetchError {
    use ureq::Error as E;
    match e {
        E::BadUri(m) => FetchError::InvalidUrl(m),
        E::HostNotFound => FetchError::Dns,
        E::ConnectionFailed => FetchError::Connect("connection failed".into()),
        E::Timeout(t) => FetchError::Timeout(t.to_string()),
        E::TooManyRedirects => FetchError::TooManyRedirects(opts.max_redirects),
        E::RedirectFailed => FetchError::Other("a redirect could not be followed".into()),
        E::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: opts.max_bytes,
        },
        E::StatusCode(code) => FetchError::Status {
            code,
            reason: ureq::http::StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("")
                .to_owned(),
        },
        E::Io(io) => match io.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                FetchError::Timeout(io.to_string())
            }
            io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::NotConnected
            | io::ErrorKind::AddrNotAvailable => FetchError::Connect(io.to_string()),
            _ => FetchError::Other(io.to_string()),
        },
        E::Tls(m) => FetchError::Tls(m.to_owned()),
        E::Rustls(r) => FetchError::Tls(r.to_string()),
        other => FetchError::Other(other.to_string()),
    }
}

/// The charset named by a Content-Type value (`text/html; charset=X`).
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(v.trim().trim_matches(['"', '\'']).as_bytes()))
            .flatten()
    })
}

/// `<meta charset="X">` or `<meta http-equiv=… content="…charset=X">` in
/// the first 4 KiB.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        let tag = &rest[i..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(enc);
            }
        }
        rest = &rest[i + 5..];
    }
    None
}

/// Decodes a body to UTF-8 (see the module comment for the rule).
/// The encoding of a body without a Content-Type: its byte order mark,
/// else its `<meta charset>`, else UTF-8 when valid, else windows-1252.
pub fn charset_of(raw: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(raw) {
        return enc;
    }
    match meta_charset(raw) {
        Some(enc) => ascii_compatible(enc),
        None if std::str::from_utf8(raw).is_ok() => UTF_8,
        None => WINDOWS_1252,
    }
}

/// A page labelled UTF-16 that has no BOM is ASCII-compatible in practice
/// (the label is wrong); browsers treat it as UTF-8.
fn ascii_compatible(enc: &'static Encoding) -> &'static Encoding {
    if enc.output_encoding() == UTF_8 && enc != UTF_8 {
        UTF_8
    } else {
        enc
    }
}

pub fn decode(raw: &[u8], content_type: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(raw) {
        return enc.decode_without_bom_handling(&raw[bom..]).0.into_owned();
    }
    let enc = match content_type.and_then(header_charset) {
        Some(enc) => ascii_compatible(enc),
        None => charset_of(raw),
    };
    enc.decode_without_bom_handling(raw).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_resolve_against_the_page() {
        let base = "https://example.org/news/a.html?x=1";
        assert_eq!(resolve(base, "/b").unwrap(), "https://example.org/b");
        assert_eq!(
            resolve(base, "c.html").unwrap(),
            "https://example.org/news/c.html"
        );
        assert_eq!(
            resolve(base, "//cdn.example.org/d").unwrap(),
            "https://cdn.example.org/d"
        );
        assert_eq!(
            resolve(base, "HTTP://other.org/").unwrap(),
            "HTTP://other.org/"
        );
        assert_eq!(resolve("http://h.org", "x").unwrap(), "http://h.org/x");
        assert_eq!(
            resolve(base, "javascript:alert(1)").unwrap_err(),
            FetchError::RedirectScheme("javascript".into())
        );
        assert_eq!(
            resolve(base, "file:///etc/passwd").unwrap_err(),
            FetchError::RedirectScheme("file".into())
        );
    }

    #[test]
    fn charsets() {
        assert_eq!(
            decode(b"caf\xe9", Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        assert_eq!(decode(b"caf\xe9", None), "café");
        assert_eq!(decode("café".as_bytes(), None), "café");
        let page = b"<html><head><meta charset=\"windows-1251\"></head>\xcf\xf0\xe8";
        assert!(decode(page, Some("text/html")).ends_with("При"));
        let equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">\xa4";
        assert!(decode(equiv, None).ends_with('€'));
    }

    #[test]
    fn urls_are_checked() {
        assert!(matches!(
            check_url("ftp://x"),
            Err(FetchError::InvalidUrl(_))
        ));
        assert!(matches!(
            check_url("http://"),
            Err(FetchError::InvalidUrl(_))
        ));
        assert!(check_url("https://example.org/a?b").is_ok());
    }
}
