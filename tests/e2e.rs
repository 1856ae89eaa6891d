//! The real binary in a pseudo-terminal: start-up, scrolling, help, quit,
//! signals with the terminal restored, and the error exits.

mod common;

use std::io::Write;

use common::Pty;
use expectrl::process::unix::Signal;

/// The article's first row: the text left of the scrollbar.
fn first_row(screen: &str) -> &str {
    let line = screen.lines().next().unwrap_or("");
    line.split(['│', '█']).next().unwrap_or("").trim()
}

const TITLE: &str = "Red Carpet from China for Putin";

#[test]
fn opens_seed_scrolls_helps_and_quits_cleanly() {
    let mut t = Pty::spawn(&[], 100, 30);
    t.wait_for(TITLE);
    t.wait_for("? help");
    assert!(
        !t.canonical_mode()
            && t.parser.screen().alternate_screen()
            && t.parser.screen().hide_cursor()
    );
    // G shows the last paragraph.
    t.send("G");
    t.wait_for("Genoa, Italy.");
    t.wait_for("100%");
    // g returns to the top; } visits the section headings.
    t.send("g");
    t.wait_for("Parisa Pasandepour");
    t.send("}}");
    t.wait_until("Tit for tat. at the top", |s| {
        first_row(s) == "Tit for tat."
    });
    t.send("?");
    t.wait_for("factlens keys");
    t.wait_for("next section heading");
    t.send("q"); // closes help
    t.wait_until("help closed", |s| !s.contains("factlens keys"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn the_outline_jumps_to_a_heading() {
    let md = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/outline.md");
    let mut t = Pty::spawn(&[md], 100, 30);
    t.wait_for("? help");
    t.send("t");
    t.wait_for("Outline 6");
    t.wait_for("What travellers would see");
    t.send("jj\r");
    t.wait_until("Money at the top", |s| {
        first_row(s) == "Money" && !s.contains("Outline 6")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn ctrl_c_cancels_the_prompt_esc_never_quits_q_does() {
    let mut t = Pty::spawn(&[], 100, 30);
    t.wait_for("? help");
    t.send("/Put");
    t.wait_for("Enter accept · Esc cancel");
    t.send("\x03"); // Ctrl-c: cancels the prompt, as in less and vim
    t.wait_until("the prompt closed", |s| {
        !s.contains("/Put") && s.contains(&format!(" {TITLE} "))
    });
    // Time for a wrongly quitting factlens to be gone.
    std::thread::sleep(std::time::Duration::from_millis(200));
    t.assert_running();
    t.send("\x1b"); // Esc: nothing to close, so it says how to quit
    t.wait_for("nothing to close · q quits");
    std::thread::sleep(std::time::Duration::from_millis(200));
    t.assert_running();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn mouse_reports_buttons_not_every_motion_and_still_scrolls() {
    let mut t = Pty::spawn(&[], 100, 30);
    t.wait_for("? help");
    // Clicks and drags, SGR-encoded; never all-motion tracking (1003),
    // under which terminals only select text with Shift held.
    assert!(t.wrote("\x1b[?1000h") && t.wrote("\x1b[?1002h") && t.wrote("\x1b[?1006h"));
    assert!(!t.wrote("\x1b[?1003h"), "all-motion tracking was asked for");
    assert_eq!(
        t.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::ButtonMotion
    );
    assert_eq!(
        t.parser.screen().mouse_protocol_encoding(),
        vt100::MouseProtocolEncoding::Sgr
    );
    // The wheel still scrolls: four notches down over the text.
    let top = first_row(&t.screen_text()).to_string();
    t.send(&"\x1b[<65;10;5M".repeat(4));
    t.wait_until("scrolled by the wheel", |s| first_row(s) != top);
    // A click on a sidebar row selects that fact (SGR: 1-based column;row).
    let screen = t.screen_text();
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("•Xi Jinping") || l.contains(" Xi Jinping "))
        .expect("Xi Jinping in the sidebar");
    let x = line.chars().take_while(|&c| c != 'X').count() + 1;
    t.send(&format!("\x1b[<0;{x};{}M\x1b[<0;{x};{}m", y + 1, y + 1));
    t.wait_for("PERSON Xi Jinping");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    for mode in ["1000", "1002", "1006"] {
        assert!(t.wrote(&format!("\x1b[?{mode}l")), "{mode} left on");
    }
    t.assert_restored();
}

#[test]
fn resize_rewraps_and_keeps_place() {
    let mut t = Pty::spawn(&[], 100, 30);
    t.wait_for(TITLE);
    t.send("}}");
    t.wait_until("heading at top", |s| first_row(s) == "Tit for tat.");
    t.resize(40, 12);
    t.wait_until("rewrapped at 40 columns with the heading kept", |s| {
        first_row(s) == "Tit for tat." && s.lines().all(|l| l.chars().count() <= 40)
    });
    t.send("\x03"); // Ctrl-c
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn signals_restore_the_terminal() {
    for sig in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let mut t = Pty::spawn(&[], 80, 24);
        t.wait_for(TITLE);
        assert!(!t.canonical_mode(), "the reader runs in raw mode");
        assert!(t.parser.screen().alternate_screen());
        t.signal(sig);
        let code = t.wait_exit();
        assert_eq!(code, 128 + sig as i32, "{sig:?}");
        t.assert_restored();
    }
}

#[test]
fn file_and_stdin_open() {
    let dir = std::env::temp_dir().join(format!("factlens-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    std::fs::write(&path, "A Small Article\n\nThe body of the small article mentions the \x1b[31mred\x1b[0m escape.\n").unwrap();
    let mut t = Pty::spawn(&[path.to_str().unwrap()], 80, 24);
    t.wait_for("A Small Article");
    // The ESC from the file is shown as a visible symbol, never interpreted.
    t.wait_for("␛[31mred␛[0m");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let (code, out, err) = common::run_bytes(args, stdin);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

#[test]
fn error_exits_name_the_path_and_problem() {
    let dir = std::env::temp_dir().join(format!("factlens-err-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("b.bin");
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    let latin1 = dir.join("l.txt");
    std::fs::write(&latin1, b"Caf\xe9 cr\xe8me\n").unwrap();
    let missing = dir.join("missing.txt");
    let d = dir.to_str().unwrap().to_string();
    let cases: Vec<(String, &str)> = vec![
        (missing.display().to_string(), "no such file"),
        (d.clone(), "is a directory"),
        (empty.display().to_string(), "empty"),
        (binary.display().to_string(), "binary"),
        (latin1.display().to_string(), "not valid UTF-8"),
    ];
    for (path, problem) in cases {
        let (code, stdout, stderr) = run(&[&path], b"");
        assert_eq!(code, 1, "{path}: {stderr}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.starts_with("factlens: ") && stderr.contains(&path) && stderr.contains(problem),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run(&["-"], b"");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("standard input") && stderr.contains("empty"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn error_in_a_terminal_leaves_it_untouched() {
    let mut t = Pty::spawn(&["/nonexistent/article.txt"], 80, 24);
    assert_eq!(t.wait_exit(), 1);
    t.wait_for("factlens: /nonexistent/article.txt: no such file");
    t.assert_restored();
}

#[test]
fn piped_output_is_plain_text() {
    let (code, stdout, _) = run(
        &["-"],
        b"Piped Title\n\nA paragraph that was\nhard wrapped here.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "Piped Title\n\nA paragraph that was hard wrapped here.\n"
    );
    let (code, stdout, _) = run(&["--width", "30"], b"");
    // No file and stdin is not a terminal but empty: an error, not the seed.
    assert_eq!(code, 1, "{stdout}");
}

#[test]
fn piped_output_keeps_links_as_numbered_references() {
    let md = "# Links\n\nRead [the plan](https://example.org/plan) or \
              [write](mailto:plan@example.org); [again](https://example.org/plan), \
              [run me](javascript:alert(1)), [the notes](notes/a.md).\n\n\
              | Line | Source |\n|---|---|\n| A | [council](https://example.org/a) |\n";
    let (code, stdout, stderr) = run(
        &["--format", "markdown", "--width", "60", "-"],
        md.as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "Links\n\
         \n\
         Read the plan[1] or write[2]; again[1], run me, the\n\
         notes[3].\n\
         \n\
         Line │ Source\n\
         ─────┼───────────\n\
         A    │ council[4]\n\
         \n\
         References\n\
         \n\
         1. https://example.org/plan\n\
         2. mailto:plan@example.org\n\
         3. notes/a.md\n\
         4. https://example.org/a\n"
    );
    // A file too: the fixture's one link.
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article.md");
    let (code, stdout, _) = run(&[fixture], b"");
    assert_eq!(code, 0);
    assert!(stdout.contains("council website[1]"), "{stdout}");
    assert!(
        stdout.ends_with("\nReferences\n\n1. https://example.org/plan\n"),
        "{stdout}"
    );
}

#[test]
fn help_and_version() {
    let (code, stdout, _) = run(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(stdout.contains("--json") && stdout.contains("Examples"));
    let (code, stdout, _) = run(&["--version"], b"");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("factlens "));
}

#[test]
fn panic_restores_the_terminal_then_prints_the_message() {
    let mut t = Pty::spawn(&["--debug-panic"], 80, 24);
    assert_eq!(t.wait_exit(), 101);
    t.assert_restored();
    t.wait_for("debug panic requested");
}

#[test]
fn jump_to_a_fact_from_the_sidebar() {
    let mut t = Pty::spawn(&[], 120, 40);
    t.wait_for("Facts ·");
    t.wait_for("Vladimir Putin");
    // Tab to the sidebar, first row is the first person; Enter jumps.
    t.send("\t");
    t.send("\r");
    t.wait_for("— mention 1/");
    t.send("n");
    t.wait_for("— mention 2/");
    t.send("N");
    t.wait_for("— mention 1/");
    // The terminal cursor sits on the highlight: the text under it is a
    // word of the selected name. (Polled: the cursor move may arrive in a
    // later read than the status line.)
    let cursor_on_name = |t: &Pty| {
        let text = t.screen_text();
        let status = text.lines().last().unwrap_or("").to_string();
        let Some(name) = status
            .split(" — ")
            .next()
            .and_then(|l| l.trim().split_once(' '))
            .map(|x| x.1.to_string())
        else {
            return false;
        };
        let (row, col) = t.parser.screen().cursor_position();
        let line = text.lines().nth(row as usize).unwrap_or("").to_string();
        let under: String = line
            .chars()
            .skip(col as usize)
            .take_while(|c| c.is_alphanumeric())
            .collect();
        !t.parser.screen().hide_cursor()
            && !under.is_empty()
            && name.split_whitespace().any(|w| w == under)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !cursor_on_name(&t) {
        assert!(
            std::time::Instant::now() < deadline,
            "cursor not on the selected name:\n{}",
            t.screen_text()
        );
        t.wait_for("— mention 1/");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn search_and_step_through_matches() {
    let mut t = Pty::spawn(&[], 120, 40);
    t.wait_for("Facts ·");
    t.send("/Beijing");
    t.wait_for("/Beijing");
    t.send("\r");
    t.wait_for("match 1/14");
    t.send("n");
    t.wait_for("match 2/14");
    t.send("nnn");
    t.wait_for("match 5/14");
    // Ctrl-o goes back to before the search.
    t.send("\x0f\x0f\x0f\x0f\x0f");
    t.wait_until("back at the top", |s| s.contains("Parisa Pasandepour"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn big_text_opens_at_once_then_fills_in() {
    let dir = std::env::temp_dir().join(format!("factlens-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let body =
        "The delegation from Geneva met officials in Beijing on 3 March 2024.\n\n".repeat(12_000);
    std::fs::write(
        &path,
        format!("A Very Long Report\n\n{body}The Final Line Of The Report.\n"),
    )
    .unwrap();
    let mut t = Pty::spawn(&[path.to_str().unwrap()], 100, 30);
    t.wait_for("A Very Long Report");
    // Facts arrive from the background and fill the sidebar.
    t.wait_for("Beijing");
    t.send("G");
    t.wait_for("The Final Line Of The Report.");
    t.wait_for("100%");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn config_is_checked_and_applied() {
    let dir = std::env::temp_dir().join(format!("factlens-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.toml");
    std::fs::write(&good, "width = 50\n[keys]\nquit = [\"x\"]\n").unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "width = 50\n[theme]\nperson = \"nope\"\n").unwrap();
    let clash = dir.join("clash.toml");
    std::fs::write(&clash, "[keys]\nquit = [\"j\"]\n").unwrap();
    let (code, stdout, _) = run(&["--config", good.to_str().unwrap(), "--check-config"], b"");
    assert_eq!(code, 0);
    assert!(stdout.ends_with(": ok\n"), "{stdout}");
    let (code, _, stderr) = run(&["--config", bad.to_str().unwrap(), "--check-config"], b"");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("line 3") && stderr.contains("unknown colour"),
        "{stderr}"
    );
    let (code, _, stderr) = run(
        &["--config", clash.to_str().unwrap(), "--check-config"],
        b"",
    );
    assert_eq!(code, 1);
    // Each cause once, with the names the config file uses.
    assert_eq!(stderr.matches("bound twice").count(), 1, "{stderr}");
    assert!(stderr.contains("to line_down and to quit"), "{stderr}");
    let (code, _, stderr) = run(
        &["--config", dir.join("missing.toml").to_str().unwrap()],
        b"",
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("missing.toml"), "{stderr}");
    assert_eq!(stderr.matches("no such file").count(), 1, "{stderr}");
    // The good config applies: narrow column, x quits, q no longer does.
    let mut t = Pty::spawn(&["--config", good.to_str().unwrap()], 120, 30);
    t.wait_for(TITLE);
    assert!(
        t.screen_text()
            .lines()
            .all(|l| !l.contains("Vladimir Putin and Xi Jinping was")),
        "50 columns wrap earlier"
    );
    t.send("q");
    t.wait_for("q is not bound");
    t.send("x");
    assert_eq!(t.wait_exit(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn color_never_draws_without_colours() {
    let mut t = Pty::spawn(&["--color", "never"], 100, 30);
    t.wait_for(TITLE);
    t.send("]");
    t.wait_for("— mention 1/");
    let screen = t.parser.screen();
    for row in 0..30 {
        for col in 0..100 {
            let cell = screen.cell(row, col).unwrap();
            assert_eq!(cell.fgcolor(), vt100::Color::Default, "fg at {row},{col}");
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "bg at {row},{col}");
        }
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn completions_and_man_page() {
    let (code, stdout, _) = run(&["--completions", "bash"], b"");
    assert_eq!(code, 0);
    assert!(stdout.contains("factlens") && stdout.contains("--json"));
    let (code, stdout, _) = run(&["--man"], b"");
    assert_eq!(code, 0);
    assert!(stdout.contains(".TH factlens"));
}

fn json_of(args: &[&str], stdin: &[u8]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args, stdin);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn formats_by_extension_sniffing_and_flag() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    // HTML: reader mode; offsets refer to the extracted text, given with --with-text.
    let html = format!("{fixtures}/news_harbor.html");
    let j = json_of(&["--json", "--with-text", &html], b"");
    assert_eq!(j["offsets"], "text");
    let text = j["text"].as_str().unwrap();
    assert!(
        !text.contains("<div") && !text.to_lowercase().contains("cookie"),
        "boilerplate dropped"
    );
    for e in j["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text.as_bytes()[s..t],
                m["text"].as_str().unwrap().as_bytes()
            );
        }
    }
    // Markdown: offsets refer to the input file.
    let md = format!("{fixtures}/article.md");
    let src = std::fs::read(&md).unwrap();
    let j = json_of(&["--json", &md], b"");
    assert_eq!(j["offsets"], "source");
    for e in j["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&src[s..t], m["text"].as_str().unwrap().as_bytes(), "{m}");
        }
    }
    // Standard input is sniffed; --format overrides.
    let page = std::fs::read(&html).unwrap();
    let (_, sniffed, _) = run(&["-"], &page);
    assert!(
        sniffed.starts_with("Harbor expansion approved"),
        "{sniffed}"
    );
    let (_, forced, _) = run(&["--format", "plain", "-"], &page);
    assert!(
        forced.contains("<html") || forced.contains("<!DOCTYPE") || forced.contains("<!doctype"),
        "{forced}"
    );
    let (code, _, stderr) = run(&["--format", "pdf", "-"], b"x");
    assert_eq!(code, 2, "{stderr}");
}

/// A one-shot HTTP server on 127.0.0.1 answering every request with `response`.
fn serve(response: &'static [u8]) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = std::io::Read::read(&mut s, &mut buf);
            let _ = s.write_all(response);
        }
    });
    format!("http://{addr}/article")
}

#[test]
fn urls_are_fetched_and_read_in_reader_mode() {
    let ok = serve(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n\
<html><head><title>Port news</title></head><body><nav>Home | World | Sport</nav>\
<article><h1>Harbor plan approved</h1><p>The port authority in Rotterdam approved the plan on Tuesday, \
ending a decade of delays. Officials said construction starts in 2025 and takes four years.</p>\
<p>Critics in the city council said the cost of 412 million euros was too high for the region.</p></article>\
<footer>Copyright 2024 Example News</footer></body></html>",
    );
    let (code, stdout, stderr) = run(&[&ok], b"");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Harbor plan approved") && stdout.contains("412 million"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Home | World"),
        "navigation dropped: {stdout}"
    );
    let missing =
        serve(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let (code, _, stderr) = run(&[&missing], b"");
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&missing) && stderr.contains("404"),
        "{stderr}"
    );
}

#[test]
fn reopening_an_article_returns_to_where_you_left_off() {
    let dir = std::env::temp_dir().join(format!("factlens-pos-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed copy.txt");
    std::fs::write(&path, include_str!("../assets/seed.txt")).unwrap();
    let p = path.to_str().unwrap();
    let mut t = Pty::spawn(&[p], 100, 30);
    t.wait_for(TITLE);
    t.send("}}");
    t.wait_until("Tit for tat. at the top", |s| {
        first_row(s) == "Tit for tat."
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let mut t = Pty::spawn(&[p], 100, 30);
    t.wait_until("back at Tit for tat.", |s| first_row(s) == "Tit for tat.");
    t.wait_for("restored your place (line");
    t.wait_for("g to go to top");
    t.send("gq");
    assert_eq!(t.wait_exit(), 0);
    // A corrupt state file is reported once, replaced, and never stops factlens.
    let state = std::env::temp_dir()
        .join(format!("factlens-xdg-{}", std::process::id()))
        .join("state/factlens/positions.json");
    std::fs::write(&state, b"{ broken").unwrap();
    let mut t = Pty::spawn(&[p], 100, 30);
    t.wait_for("unreadable");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let mut t = Pty::spawn(&[p], 100, 30);
    t.wait_for(TITLE);
    assert!(!t.screen_text().contains("unreadable"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_opens_as_a_library() {
    let dir = std::env::temp_dir().join(format!("factlens-lib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "Trade Talks\n\nThe minister of Australia met officials from India in Canberra on Monday.\n").unwrap();
    std::fs::write(dir.join("b.md"), "# Monsoon Season\n\nFarmers across India expect the monsoon early, officials in Delhi said.\n").unwrap();
    std::fs::write(dir.join("c.bin"), b"\x00\x01\x02").unwrap();
    let mut t = Pty::spawn(&[dir.to_str().unwrap()], 110, 24);
    t.wait_for("Library · 3 articles");
    t.wait_for("Monsoon Season");
    t.wait_for("binary");
    // Open the Markdown article (second row), then come back.
    t.send("j\r");
    t.wait_for("Facts ·");
    t.wait_for("Farmers across India");
    t.send("\x7f"); // Backspace
    t.wait_for("Library · 3 articles");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_save_in_a_library_is_a_notice_not_a_scribble() {
    let dir = std::env::temp_dir().join(format!("factlens-libsave-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Trade Talks\n\nThe minister of Australia met officials.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Monsoon Season\n\nFarmers across India expect the monsoon.\n",
    )
    .unwrap();
    // The state directory cannot be made: a file stands where it would go.
    let blocker = dir.join("state");
    std::fs::write(&blocker, "").unwrap();
    let lib = dir.to_str().unwrap().to_string();
    let mut t = Pty::spawn_env(
        &[&lib],
        &[("XDG_STATE_HOME", blocker.to_str().unwrap())],
        110,
        24,
    );
    t.wait_for("Monsoon Season");
    t.send("\r");
    t.wait_for("The minister of Australia");
    // Leaving it for another article saves where it was: that fails.
    t.send("\x7fj\r");
    t.wait_for("Farmers across India");
    t.wait_for("could not save the reading position");
    let screen = t.screen_text();
    let rows: Vec<&str> = screen.lines().collect();
    let last = rows.iter().rposition(|l| !l.trim().is_empty()).unwrap();
    for (i, row) in rows.iter().enumerate() {
        assert!(
            i == last || !row.contains("could not save"),
            "the message is on the status line only:\n{screen}"
        );
    }
    t.send("q");
    t.wait_exit();
    t.assert_restored();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_page_without_an_article_says_so() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/no_article.html"
    );
    let mut t = Pty::spawn(&[page], 100, 24);
    t.wait_for(factlens::document::NO_ARTICLE_NOTE);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// factlens under an address-space cap, so that a regression in the input
/// limits fails the test instead of taking the machine's memory.
fn capped(args: &[&str], stdin: std::process::Stdio) -> (i32, String) {
    use std::os::unix::process::CommandExt;
    let mut cmd = common::factlens();
    cmd.args(args)
        .stdin(stdin)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            let cap = 1u64 << 30;
            let limit = libc::rlimit {
                rlim_cur: cap,
                rlim_max: cap,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn endless_inputs_are_refused_within_their_limits() {
    use std::process::Stdio;
    // Binary data is refused after its first block, however long it goes on.
    let (code, stderr) = capped(&["--json", "/dev/zero"], Stdio::null());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("binary data"), "{stderr}");
    let (code, stderr) = capped(&["--check-config", "--config", "/dev/zero"], Stdio::null());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("binary data"), "{stderr}");
    // Endless text on standard input stops at the limit, with a message naming it.
    let mut yes = std::process::Command::new("yes")
        .arg("an endless line of text")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = Stdio::from(yes.stdout.take().unwrap());
    let (code, stderr) = capped(&["--json", "--max-input", "8", "-"], stdin);
    let _ = yes.kill();
    let _ = yes.wait();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("standard input: larger than the limit of 8 MB"),
        "{stderr}"
    );
    // A big file is refused before it is read.
    let dir = std::env::temp_dir().join(format!("factlens-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(3 << 20).unwrap();
    let (code, stderr) = capped(
        &["--json", "--max-input", "2", big.to_str().unwrap()],
        Stdio::null(),
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("limit of 2 MB"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn many_readers_at_once_keep_every_position() {
    let dir = std::env::temp_dir().join(format!("factlens-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("state");
    let n = 10;
    let files: Vec<String> = (0..n)
        .map(|i| {
            let path = dir.join(format!("c{i}.txt"));
            let body = format!(
                "Article {i}\n\n{}",
                "A line of text to scroll.\n\n".repeat(80)
            );
            std::fs::write(&path, body).unwrap();
            path.to_str().unwrap().to_string()
        })
        .collect();
    let mut ttys: Vec<Pty> = files
        .iter()
        .map(|f| {
            Pty::spawn_env(
                &[f.as_str()],
                &[("XDG_STATE_HOME", state.to_str().unwrap())],
                80,
                20,
            )
        })
        .collect();
    // All are up before any quits, as in overlapping terminals.
    for (i, t) in ttys.iter_mut().enumerate() {
        t.wait_for(&format!("Article {i}"));
        t.send("jjjjj");
    }
    for t in ttys.iter_mut() {
        t.send("q");
    }
    for t in ttys.iter_mut() {
        assert_eq!(t.wait_exit(), 0);
    }
    let saved = std::fs::read_to_string(state.join("factlens/positions.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let kept = json["positions"].as_object().unwrap();
    for f in &files {
        let key = std::fs::canonicalize(f).unwrap();
        assert!(
            kept.contains_key(key.to_str().unwrap()),
            "{f} lost: {n} runs, {} positions kept",
            kept.len()
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn with_text_gives_the_text_the_offsets_index() {
    // Escapes and bidi controls are changed or dropped on screen; the
    // offsets index the input as given, and so does "text".
    let input = "Escapes \x1b[31m Report\n\nVladimir Putin met\u{202e} Xi Jinping in \x1b[1mBeijing on 3 March 2024; Putin left.\n";
    for (args, offsets) in [
        (vec!["--json", "--with-text", "-"], "source"),
        (
            vec!["--json", "--with-text", "--format", "markdown", "-"],
            "source",
        ),
    ] {
        let j = json_of(&args, input.as_bytes());
        assert_eq!(j["offsets"], offsets);
        let text = j["text"].as_str().unwrap();
        assert_eq!(text, input);
        let mentions = j["entities"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["mentions"].as_array().unwrap());
        let spans: Vec<&serde_json::Value> =
            mentions.chain(j["figures"].as_array().unwrap()).collect();
        for m in &spans {
            let at = |k: &str| m[k].as_u64().unwrap() as usize;
            let slice = &text.as_bytes()[at("start")..at("end")];
            assert_eq!(slice, m["text"].as_str().unwrap().as_bytes(), "{m}");
        }
        let checked = spans.len();
        assert!(checked >= 3, "{j}");
    }
}
