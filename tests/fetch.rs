//! URL fetching against a tiny HTTP server on 127.0.0.1 that each test
//! starts itself. No real host is ever contacted.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use factlens::document::{Format, load_as};
use factlens::fetch::{FetchError, FetchOptions, fetch};

const ARTICLE: &str = include_str!("fixtures/news_harbor.html");

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

fn handle(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {
                if let Some((k, v)) = line.split_once(':')
                    && k.eq_ignore_ascii_case("user-agent")
                {
                    user_agent = v.trim().to_owned();
                }
            }
        }
    }
    let html = |body: &[u8]| {
        vec![
            ("Content-Type", "text/html; charset=utf-8".to_owned()),
            ("Content-Length", body.len().to_string()),
        ]
    };
    match path.as_str() {
        "/article" => respond(
            &mut stream,
            "200 OK",
            &html(ARTICLE.as_bytes()),
            ARTICLE.as_bytes(),
        ),
        "/moved" => respond(
            &mut stream,
            "301 Moved Permanently",
            &[
                ("Location", "/article".to_owned()),
                ("Content-Length", "0".into()),
            ],
            b"",
        ),
        "/loop" => respond(
            &mut stream,
            "302 Found",
            &[
                ("Location", "/loop".to_owned()),
                ("Content-Length", "0".into()),
            ],
            b"",
        ),
        "/missing" => respond(
            &mut stream,
            "404 Not Found",
            &html(b"<h1>nope</h1>"),
            b"<h1>nope</h1>",
        ),
        "/slow" => {
            // Never answers within the client's patience.
            thread::sleep(Duration::from_secs(3));
        }
        "/big" => {
            let body = vec![b'a'; 5000];
            respond(&mut stream, "200 OK", &html(&body), &body);
        }
        "/big-unsized" => {
            // No Content-Length: the client must stop reading by itself.
            let body = vec![b'a'; 5000];
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "text/plain".to_owned())],
                &body,
            );
        }
        "/latin1" => {
            let body = b"<p>Caf\xe9 cr\xe8me</p>";
            respond(
                &mut stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=ISO-8859-1".to_owned()),
                    ("Content-Length", body.len().to_string()),
                ],
                body,
            );
        }
        "/meta-charset" => {
            let body = b"<html><head><meta charset=\"windows-1252\"></head><body><p>\x93Quoted\x94</p></body></html>";
            respond(
                &mut stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html".to_owned()),
                    ("Content-Length", body.len().to_string()),
                ],
                body,
            );
        }
        "/drip" => {
            // Headers at once, then one byte every 300 ms: no single read
            // waits long, the whole never ends.
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            for _ in 0..1000 {
                thread::sleep(Duration::from_millis(300));
                if stream
                    .write_all(b"a")
                    .and_then(|()| stream.flush())
                    .is_err()
                {
                    return;
                }
            }
        }
        "/to-file" => respond(
            &mut stream,
            "302 Found",
            &[
                ("Location", "file:///etc/passwd".to_owned()),
                ("Content-Length", "0".into()),
            ],
            b"",
        ),
        "/empty" => respond(&mut stream, "200 OK", &html(b""), b""),
        "/image" => respond(
            &mut stream,
            "200 OK",
            &[
                ("Content-Type", "image/png".to_owned()),
                ("Content-Length", "4".into()),
            ],
            b"\x89PNG",
        ),
        "/ua" => {
            let body = user_agent.into_bytes();
            respond(
                &mut stream,
                "200 OK",
                &[
                    ("Content-Type", "text/plain".to_owned()),
                    ("Content-Length", body.len().to_string()),
                ],
                &body,
            );
        }
        _ => respond(
            &mut stream,
            "500 Internal Server Error",
            &[("Content-Length", "0".into())],
            b"",
        ),
    }
}

/// Starts the server; returns its base URL.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || handle(stream));
        }
    });
    format!("http://{addr}")
}

fn quick() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        ..FetchOptions::default()
    }
}

#[test]
fn fetches_an_article_and_reads_it() {
    let base = server();
    let got = fetch(&format!("{base}/article"), &quick()).unwrap();
    assert_eq!(got.final_url, format!("{base}/article"));
    assert_eq!(
        got.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(got.format(), Some(Format::Html));
    assert_eq!(got.body, ARTICLE.as_bytes());
    let doc = load_as(&got.body, Format::Html, Some(&got.final_url)).unwrap();
    assert_eq!(
        doc.title(),
        Some("Harbor expansion approved after decade of delays")
    );
    assert!(doc.text.contains("voted 7-2 on Tuesday"));
    assert!(!doc.text.contains("We use cookies"));
}

#[test]
fn follows_a_redirect_and_reports_the_final_url() {
    let base = server();
    let got = fetch(&format!("{base}/moved"), &quick()).unwrap();
    assert_eq!(got.final_url, format!("{base}/article"));
}

#[test]
fn http_errors_name_the_status() {
    let base = server();
    let err = fetch(&format!("{base}/missing"), &quick()).unwrap_err();
    assert_eq!(
        err,
        FetchError::Status {
            code: 404,
            reason: "Not Found".into()
        }
    );
    assert_eq!(err.to_string(), "HTTP 404 Not Found");
}

#[test]
fn a_silent_server_times_out() {
    let base = server();
    let opts = FetchOptions {
        read_timeout: Duration::from_millis(300),
        ..quick()
    };
    let started = Instant::now();
    let err = fetch(&format!("{base}/slow"), &opts).unwrap_err();
    assert!(matches!(err, FetchError::Timeout(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_dripping_server_meets_the_overall_deadline() {
    let base = server();
    let opts = FetchOptions {
        deadline: Duration::from_millis(1500),
        ..quick()
    };
    let started = Instant::now();
    let err = fetch(&format!("{base}/drip"), &opts).unwrap_err();
    assert!(matches!(err, FetchError::Timeout(_)), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_redirect_out_of_http_is_named() {
    let base = server();
    let err = fetch(&format!("{base}/to-file"), &quick()).unwrap_err();
    assert_eq!(err, FetchError::RedirectScheme("file".into()));
    assert_eq!(
        err.to_string(),
        "the page redirects to a file: address, which is not fetched"
    );
}

#[test]
fn an_empty_body_is_named() {
    let base = server();
    let err = fetch(&format!("{base}/empty"), &quick()).unwrap_err();
    assert_eq!(err, FetchError::Empty);
    assert_eq!(err.to_string(), "the server sent an empty page");
}

#[test]
fn too_large_bodies_are_refused() {
    let base = server();
    let opts = FetchOptions {
        max_bytes: 1000,
        ..quick()
    };
    for path in ["/big", "/big-unsized"] {
        let err = fetch(&format!("{base}{path}"), &opts).unwrap_err();
        assert_eq!(err, FetchError::TooLarge { limit: 1000 }, "{path}");
    }
    // Under the limit it is fine.
    assert!(fetch(&format!("{base}/big"), &quick()).is_ok());
}

#[test]
fn redirect_loops_stop() {
    let base = server();
    let err = fetch(&format!("{base}/loop"), &quick()).unwrap_err();
    assert_eq!(err, FetchError::TooManyRedirects(5));
    assert_eq!(err.to_string(), "too many redirects (more than 5)");
}

#[test]
fn binary_content_is_refused() {
    let base = server();
    let err = fetch(&format!("{base}/image"), &quick()).unwrap_err();
    assert_eq!(err, FetchError::NotText("image/png".into()));
}

#[test]
fn bodies_are_decoded_to_utf8() {
    let base = server();
    let got = fetch(&format!("{base}/latin1"), &quick()).unwrap();
    assert_eq!(String::from_utf8(got.body).unwrap(), "<p>Café crème</p>");
    let got = fetch(&format!("{base}/meta-charset"), &quick()).unwrap();
    assert!(String::from_utf8(got.body).unwrap().contains("“Quoted”"));
}

#[test]
fn sends_its_user_agent() {
    let base = server();
    let got = fetch(&format!("{base}/ua"), &quick()).unwrap();
    assert_eq!(
        String::from_utf8(got.body).unwrap(),
        concat!("factlens/", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_urls_and_closed_ports() {
    assert!(matches!(
        fetch("ftp://127.0.0.1/x", &quick()),
        Err(FetchError::InvalidUrl(_))
    ));
    assert!(matches!(
        fetch("not a url", &quick()),
        Err(FetchError::InvalidUrl(_))
    ));
    // A port nobody listens on (bound, then released).
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = fetch(&format!("http://127.0.0.1:{port}/"), &quick()).unwrap_err();
    assert!(matches!(err, FetchError::Connect(_)), "{err:?}");
}

#[test]
fn the_terminal_says_what_is_fetched_and_ctrl_c_cancels_it() {
    let base = server();
    let url = format!("{base}/drip");
    let mut pty = common::Pty::spawn(&[&url], 100, 24);
    pty.wait_for("(Ctrl-c cancels)");
    assert!(
        pty.screen_text().contains(&format!("fetching {url}")),
        "{}",
        pty.screen_text()
    );
    pty.send("\x03");
    let code = pty.wait_exit();
    assert_ne!(code, 0, "{}", pty.screen_text());
    pty.assert_restored();
}
