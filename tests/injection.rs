//! Hostile articles: escape sequences, C1 controls, bidi overrides and
//! invisible characters must never reach the terminal as such. Checked at
//! three levels: the document every loader builds, every cell ratatui draws,
//! and every byte the real binary writes to a pty from start to quit (and
//! to a pipe, and as JSON).

mod common;

use std::io::Write;
use std::time::{Duration, Instant};

use factlens::app::{Action, App, Article, Options};
use factlens::document::{
    Document, Format, is_unsafe, load_as, load_bytes, load_html, load_markdown, load_plain,
};
use factlens::extract::extract;
use factlens::keymap::{Key, KeyCode, Keymap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Terminal payloads, each with a unique marker right after its
/// introducer, so the raw byte strings below can only come from the
/// article, never from factlens' own drawing.
const HOSTILE_BODY: &str = concat!(
    "Paragraph about Vladimir Putin in Beijing \x1b[2JCLEARMARK and \x1b[10;10HMOVEMARK cursor moves.\n",
    "Clipboard \x1b]52;c;T1NDNTJNQVJL\x07 write and OSC 8 \x1b]8;;https://evil.example/OSC8MARK\x1b\\link\x1b]8;;\x1b\\ here.\n",
    "C1 controls \u{9b}31mC1CSIMARK and \u{9d}0;C1OSCMARK\u{9c} and \u{85}NELMARK \u{90}DCSMARK.\n",
    "Bell\x07 backspace\x08\x08 vertical\x0b formfeed\x0c delete\x7f carriage\rRETURNMARK and \x1b[?1049lALTMARK.\n",
    "Bidi \u{202e}BIDIMARK\u{202c} and isolates \u{2066}ISOMARK\u{2069} \u{2067}x\u{2068}y\u{2069} \u{202a}a\u{202b}b\u{202d}c.\n",
    "Zero\u{200b}width\u{2060}joiner\u{feff}bom\u{200e}lrm\u{200f}rlm\u{061c}alm soft\u{ad}hyphen, family 👨\u{200d}👩\u{200d}👧.\n",
    "Invisible In\u{2062}visible tags\u{e0041}\u{e007f} notes\u{fff9}x\u{fffb} fillers\u{3164}\u{115f}\u{ffa0} mongolian\u{180e}sep.\n",
    "\n",
    "Hostile Heading \x1b]2;TITLE2MARK\x1b\\\n",
    "\n",
    "Final paragraph: Xi Jinping said 20% of $3.5 billion on 3 March 2024 \x1b[31mSGRMARK\x1b[0m.\n",
);

fn hostile_plain() -> String {
    format!(
        "Hostile Article Title \x1b]0;TITLEMARK\x07\nBy Mallory \x1b[1mBOLDMARK\n10 Min Read\n\n{HOSTILE_BODY}"
    )
}

/// Byte strings that must never be written: the payloads above as an
/// interpreting terminal would see them.
const FORBIDDEN: &[&[u8]] = &[
    b"\x1b]0;TITLEMARK",
    b"\x1b]2;TITLE2MARK",
    b"\x1b[1mBOLDMARK",
    b"\x1b[31mSGRMARK",
    b"\x1b[2JCLEARMARK",
    b"\x1b[10;10HMOVEMARK",
    b"\x1b]52;c;T1NDNTJNQVJL",
    b"\x1b]8;;https://evil.example/OSC8MARK",
    b"\x1b[?1049lALTMARK",
    b"\rRETURNMARK",
    b"Bell\x07",
    b"\x08\x08 vertical",
    b"vertical\x0b",
    b"formfeed\x0c",
    b"delete\x7f",
    // U+202E, U+2066, U+200B, U+2060, U+FEFF, U+200E, U+00AD, U+061C
    "\u{202e}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{2067}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{2060}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{200e}".as_bytes(),
    "\u{ad}".as_bytes(),
    "\u{61c}".as_bytes(),
    // Invisible operators, tags, annotation marks, Hangul fillers.
    "\u{2062}".as_bytes(),
    "\u{e0041}".as_bytes(),
    "\u{e007f}".as_bytes(),
    "\u{fff9}".as_bytes(),
    "\u{fffb}".as_bytes(),
    "\u{3164}".as_bytes(),
    "\u{115f}".as_bytes(),
    "\u{ffa0}".as_bytes(),
    "\u{180e}".as_bytes(),
];

/// Panics naming the first forbidden payload in `out`, or any C1 control
/// (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`: factlens itself only ever
/// writes 7-bit escapes).
fn assert_no_payload(out: &[u8], what: &str) {
    for p in FORBIDDEN {
        if let Some(at) = out.windows(p.len()).position(|w| w == *p) {
            let from = at.saturating_sub(40);
            panic!(
                "{what}: payload {:?} written raw at byte {at}: …{:?}…",
                String::from_utf8_lossy(p),
                String::from_utf8_lossy(&out[from..(at + p.len() + 40).min(out.len())])
            );
        }
    }
    if let Some(at) = out
        .windows(2)
        .position(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]))
    {
        panic!("{what}: a C1 control written raw at byte {at}");
    }
}

fn assert_safe_text(s: &str, what: &str) {
    if let Some((i, c)) = s.char_indices().find(|&(_, c)| is_unsafe(c)) {
        panic!("{what}: unsafe char {c:?} at {i}");
    }
}

fn assert_safe_doc(doc: &Document, what: &str) {
    assert_safe_text(&doc.text, what);
    for l in &doc.links {
        assert_safe_text(&l.url, &format!("{what} link URL"));
    }
    for n in &doc.notes {
        assert_safe_text(n, &format!("{what} note"));
    }
}

/// The hostile body as Markdown: also in a heading, emphasis, a link (text
/// and URL), code (verbatim) and as character references.
fn hostile_markdown() -> String {
    format!(
        "---\ntitle: Front \x1b]0;FMTITLEMARK\x07 Matter\nauthor: Mallory \u{202e}evil\n---\n\n\
         # Hostile \x1b[2JCLEARMARK Title\n\n{HOSTILE_BODY}\n\
         *emph \x1b[31mSGRMARK* and [a link \u{9b}2J](https://evil.example/\x1b]52;c;T1NDNTJNQVJL\x07) \
         and <https://x.example/\u{202e}>.\n\n\
         - item \x1b]8;;https://evil.example/OSC8MARK\x1b\\\n- item \u{2066}two\n\n\
         ```\ncode \x1b[2JCLEARMARK\n\tindented\x07\n```\n\n\
         References &#27;]0;TITLEMARK&#7; &#x9b;2J &#x202E;BIDI &#x200B; &#127; &#x85; &#x1b;[31m.\n\n\
         | a \x1b[1m | b \u{202e} |\n|---|---|\n| \u{9d}0;x\u{9c} | \u{feff} |\n"
    )
}

/// The hostile body as an HTML article, raw and as character references,
/// in the title, text, attributes, `<pre>` and links.
fn hostile_html() -> String {
    let para = |s: &str| format!("<p>{s}</p>\n");
    let body: String = HOSTILE_BODY.split('\n').map(para).collect();
    let filler = para(
        "A long paragraph of ordinary article text, so that reader mode finds an article here. \
         It goes on about Vladimir Putin and Xi Jinping meeting in Beijing, with 20% of trade.",
    )
    .repeat(8);
    format!(
        "<!DOCTYPE html><html><head><title>Hostile \x1b]0;TITLEMARK\x07 &#27;]2;TITLE2MARK&#7;</title>\
         <meta name=\"author\" content=\"Mallory \u{202e}evil\">\
         <meta property=\"article:published_time\" content=\"2024-03-03\x1b[2J\"></head>\
         <body><article><h1>Hostile \x1b[2JCLEARMARK &#x1b;[31mSGRMARK</h1>\n{filler}{body}\
         <p>Refs &#x9b;2J &#x202E;BIDI &#x200B;zw &#127;del &#x85;nel &#133; &#x2066;iso \
         <a href=\"https://evil.example/&#x1b;]52;c;T1NDNTJNQVJL&#7;\">link \u{9b}</a> \
         <a href=\"javascript:&#x1b;]8;;https://evil.example/OSC8MARK\">js</a></p>\
         <pre>code \x1b[2JCLEARMARK\n\tindented&#7;</pre>\
         <ul><li>item \u{2067}x</li><li>&#x202d;y</li></ul>\
         <blockquote>quote \x1b[?1049lALTMARK</blockquote>{filler}</article></body></html>"
    )
}

fn all_loaders() -> Vec<(String, Document)> {
    let plain = hostile_plain();
    let md = hostile_markdown();
    let html = hostile_html();
    let mut docs = vec![
        ("load_plain".to_string(), load_plain(&plain)),
        (
            "load_bytes".to_string(),
            load_bytes(plain.as_bytes()).unwrap(),
        ),
        ("load_plain(md)".to_string(), load_plain(&md)),
        ("load_markdown".to_string(), load_markdown(&md)),
        ("load_markdown(plain)".to_string(), load_markdown(&plain)),
        (
            "load_html".to_string(),
            load_html(&html, Some("https://example.org/a")),
        ),
        ("load_html(no url)".to_string(), load_html(&html, None)),
        ("load_html(plain)".to_string(), load_html(&plain, None)),
        (
            "load_html(fragment)".to_string(),
            load_html(&format!("<div>{}</div>", HOSTILE_BODY), None),
        ),
    ];
    for (src, name) in [(&plain, "plain"), (&md, "md"), (&html, "html")] {
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            docs.push((
                format!("load_as({name}, {format})"),
                load_as(src.as_bytes(), format, Some("https://example.org/")).unwrap(),
            ));
        }
    }
    docs
}

#[test]
fn every_loader_builds_safe_text() {
    for (what, doc) in all_loaders() {
        assert_safe_doc(&doc, &what);
        assert!(!doc.text.is_empty(), "{what}: no text");
        let facts = extract(&doc);
        for e in &facts.entities {
            assert_safe_text(&e.name, &format!("{what} entity"));
            for a in &e.aliases {
                assert_safe_text(a, &format!("{what} alias"));
            }
        }
    }
}

#[test]
fn plain_loader_shows_controls_as_symbols() {
    let doc = load_plain(&hostile_plain());
    // Visible, so the reader sees that something was there.
    assert!(doc.text.contains("␛]0;TITLEMARK␇"), "{}", doc.text);
    assert!(doc.text.contains("␛[2JCLEARMARK"));
    assert!(doc.text.contains("\u{fffd}31mC1CSIMARK"));
    // Bidi controls are dropped, their text kept in logical order.
    assert!(doc.text.contains("Bidi BIDIMARK and isolates ISOMARK"));
    assert!(doc.text.contains("Zerowidthjoinerbomlrmrlmalm softhyphen"));
    // ZWJ stays inside emoji sequences.
    assert!(doc.text.contains("👨\u{200d}👩\u{200d}👧"));
}

fn key(app: &mut App, k: Key) {
    app.update(Action::Key(k));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, Key::ch(c));
    }
}

/// Draws `app` at its screen size and checks every cell.
fn assert_safe_screen(app: &App, what: &str) -> String {
    let (w, h) = (app.screen().width, app.screen().height);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| factlens::ui::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut screen = String::new();
    for (i, cell) in buf.content.iter().enumerate() {
        let sym = cell.symbol();
        if let Some(c) = sym.chars().find(|&c| is_unsafe(c)) {
            panic!(
                "{what} at {w}x{h}: cell ({}, {}) holds {c:?} (symbol {sym:?})",
                i % usize::from(w),
                i / usize::from(w)
            );
        }
        screen.push_str(sym);
        if (i + 1) % usize::from(w) == 0 {
            screen.push('\n');
        }
    }
    screen
}

const SIZES: &[(u16, u16)] = &[
    (300, 100),
    (160, 48),
    (120, 40),
    (80, 24),
    (40, 12),
    (20, 6),
    (5, 3),
    (1, 1),
];

#[test]
fn every_screen_of_a_hostile_article_is_safe() {
    for (what, doc) in all_loaders() {
        let facts = extract(&doc);
        for &(w, h) in SIZES {
            let what = format!("{what} {w}x{h}");
            let mut app = App::new(doc.clone(), facts.clone(), Keymap::default_keys(), 80, w, h);
            assert_safe_screen(&app, &format!("{what} first screen"));
            keys(&mut app, "s");
            assert_safe_screen(&app, &format!("{what} sidebar toggled"));
            keys(&mut app, "s?");
            assert_safe_screen(&app, &format!("{what} help"));
            keys(&mut app, "?G");
            assert_safe_screen(&app, &format!("{what} after G"));
            // A search for a word of the hostile text, typed and accepted.
            keys(&mut app, "g/CLEARMARK");
            assert_safe_screen(&app, &format!("{what} typing a search"));
            key(&mut app, Key::plain(KeyCode::Enter));
            assert_safe_screen(&app, &format!("{what} search accepted"));
            // The sidebar focused, facts selected and jumped to.
            key(&mut app, Key::plain(KeyCode::Tab));
            keys(&mut app, "j");
            key(&mut app, Key::plain(KeyCode::Enter));
            assert_safe_screen(&app, &format!("{what} fact selected"));
            keys(&mut app, "]]>");
            assert_safe_screen(&app, &format!("{what} next facts"));
            keys(&mut app, "F");
            keys(&mut app, "a");
            assert_safe_screen(&app, &format!("{what} filtering"));
            key(&mut app, Key::plain(KeyCode::Esc));
            app.update(Action::Resize {
                width: w / 2 + 1,
                height: h,
            });
            assert_safe_screen(&app, &format!("{what} resized"));
        }
    }
}

#[test]
fn hostile_file_name_is_drawn_safely() {
    // An untitled document shows its file name in the status line.
    let doc = load_plain("just one lowercase line of text without a title, going on and on.");
    let facts = extract(&doc);
    let mut article = Article::new(doc, &facts);
    article.name = Some("evil\x1b]0;NAMEMARK\x07\u{9b}2J\u{202e}.txt".to_string());
    let app = App::for_article(article, Options::default(), 100, 10);
    assert_safe_screen(&app, "file name in the status line");
}

#[test]
fn hostile_search_input_is_drawn_safely() {
    // Pasted or composed characters arrive as keys and show in the prompt.
    let doc = load_plain(&hostile_plain());
    let facts = extract(&doc);
    let mut app = App::new(doc, facts, Keymap::default_keys(), 80, 100, 20);
    keys(&mut app, "/");
    for c in [
        'a', '\u{9b}', '2', 'J', '\u{202e}', '\u{7}', '\u{200b}', 'b',
    ] {
        key(&mut app, Key::ch(c));
    }
    assert_safe_screen(&app, "hostile search prompt");
    key(&mut app, Key::plain(KeyCode::Enter));
    assert_safe_screen(&app, "hostile search accepted");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("factlens-inj-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real binary in a pty, keeping every byte it writes.
struct Recorder {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

impl Recorder {
    fn spawn(args: &[&str], cols: u16, rows: u16) -> Recorder {
        let mut cmd = common::factlens();
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        let mut session = expectrl::Session::spawn(cmd).expect("spawn factlens in a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        Recorder {
            session,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            bytes: Vec::new(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 65536];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.parser.process(&buf[..n]);
            self.bytes.extend_from_slice(&buf[..n]);
        }
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + common::TIMEOUT;
        loop {
            self.pump();
            if self.parser.screen().contents().contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{}",
                self.parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Keeps reading for a moment (after a resize the next screen is not
    /// known in advance; only its bytes matter).
    fn settle(&mut self) {
        let until = Instant::now() + Duration::from_millis(400);
        while Instant::now() < until {
            self.pump();
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, s: &str) {
        self.session.write_all(s.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    fn wait_exit(&mut self) -> i32 {
        use expectrl::process::unix::WaitStatus;
        let deadline = Instant::now() + common::TIMEOUT;
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => {
                    std::thread::sleep(Duration::from_millis(50));
                    self.pump();
                    return code;
                }
                Ok(WaitStatus::Signaled(_, sig, _)) => return 128 + sig as i32,
                _ => {}
            }
            assert!(Instant::now() < deadline, "factlens did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

#[test]
fn the_reader_never_writes_a_payload_to_the_terminal() {
    let dir = temp_dir("pty");
    let path = dir.join("hostile.txt");
    std::fs::write(&path, hostile_plain()).unwrap();
    let mut t = Recorder::spawn(&[path.to_str().unwrap()], 120, 40);
    t.wait_for("Hostile Article Title");
    t.wait_for("CLEARMARK");
    t.send("G");
    t.wait_for("100%");
    t.send("?");
    t.wait_for("factlens keys");
    t.send("q");
    t.send("g/CLEARMARK\r");
    t.wait_for("match 1/");
    // Select a fact and copy it with its (hostile) sentence: OSC 52 of base64.
    t.send("\t\ry");
    t.send("s");
    t.resize(40, 12);
    t.send("j");
    t.settle();
    t.resize(100, 30);
    t.settle();
    t.send("}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(t.bytes.len() > 1000, "captured the session");
    assert_no_payload(&t.bytes, "pty session");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn run(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, Vec<u8>) {
    common::run_bytes(args, stdin)
}

#[test]
fn piped_and_json_output_carry_no_controls() {
    let dir = temp_dir("pipe");
    let files = [
        ("hostile.txt", hostile_plain()),
        ("hostile.md", hostile_markdown()),
        ("hostile.html", hostile_html()),
    ];
    for (name, content) in &files {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let p = path.to_str().unwrap();
        // `factlens FILE | cat`: the formatted text only.
        let (code, out, err) = run(&[p], b"");
        assert_eq!(code, 0, "{name}: {}", String::from_utf8_lossy(&err));
        assert_no_payload(&out, &format!("{name} piped"));
        let text = String::from_utf8(out).expect("UTF-8 output");
        assert!(!text.is_empty());
        for (i, c) in text.char_indices() {
            assert!(c == '\n' || !is_unsafe(c), "{name} piped: {c:?} at {i}");
        }
        // --json: control chars must be escaped; C1 and bidi not present at all.
        let (code, out, err) = run(&["--json", p], b"");
        assert_eq!(code, 0, "{name}: {}", String::from_utf8_lossy(&err));
        assert_no_payload(&out, &format!("{name} --json"));
        let json = String::from_utf8(out).expect("UTF-8 JSON");
        for (i, c) in json.trim_end().char_indices() {
            assert!(!is_unsafe(c), "{name} --json: raw {c:?} at {i}");
        }
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let mut strings = Vec::new();
        collect_strings(&v, &mut strings);
        for s in strings {
            assert_safe_text(&s, &format!("{name} --json value"));
        }
    }
    // Standard input too.
    let (code, out, _) = run(&["-"], hostile_plain().as_bytes());
    assert_eq!(code, 0);
    assert_no_payload(&out, "stdin piped");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

#[test]
fn hostile_file_name_in_an_error_is_not_written_raw() {
    // A missing file whose name carries a title-setting sequence: the error
    // line names the path, which must not retitle the user's terminal.
    let (code, out, err) = run(&["/nonexistent/evil\x1b]0;ERRMARK\x07\u{9b}2J.txt"], b"");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        !err.windows(11).any(|w| w == b"\x1b]0;ERRMARK"),
        "stderr: {:?}",
        String::from_utf8_lossy(&err)
    );
    assert_no_payload(&err, "error message");
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("at least 1")
}

#[test]
fn hostile_unbound_keys_are_drawn_safely() {
    // A terminal delivers any non-C0 char it decodes from UTF-8 as a key
    // (C0 bytes arrive as Ctrl+letter); an unbound one is named in the
    // status line ("… is not bound").
    let mut drawn = Vec::new();
    for c in [
        '\u{9b}', '\u{85}', '\u{9d}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}',
    ] {
        let doc = load_plain(&hostile_plain());
        let facts = extract(&doc);
        let mut app = App::new(doc, facts, Keymap::default_keys(), 80, 100, 20);
        key(&mut app, Key::ch(c));
        let screen = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            assert_safe_screen(&app, &format!("unbound key {c:?}"))
        }));
        if screen.is_err() {
            drawn.push(c);
        }
    }
    assert!(drawn.is_empty(), "drawn raw in the status line: {drawn:?}");
}
