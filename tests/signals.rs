//! Signals and exits beyond tests/e2e.rs: signals in every mode of the
//! reader (help, prompt, sidebar, after a resize), during background
//! loading of a big file, twice in a row, and a closed standard output.
//! Every way out leaves the terminal restored.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::Pty;
use expectrl::process::unix::Signal;

const TITLE: &str = "Red Carpet from China for Putin";

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("factlens-sig-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A big (> 1 MB) article with many facts, so finding them takes a while.
fn big_article(dir: &std::path::Path, paragraphs: usize) -> std::path::PathBuf {
    let path = dir.join("big.txt");
    let mut s = String::from("A Very Big Report\n\nBy A. Reporter\n\n");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "Paragraph {i}: Vladimir Putin met Xi Jinping in Beijing on {} March 2024, \
             where the United Nations said 20% of $3.5 billion went to Geneva and Moscow.\n\n",
            i % 28 + 1
        ));
    }
    s.push_str("The Final Line Of The Report.\n");
    assert!(s.len() > 1_000_000);
    std::fs::write(&path, s).unwrap();
    path
}

fn expect_signal_exit(t: &mut Pty, sig: Signal, what: &str) {
    t.signal(sig);
    let code = t.wait_exit();
    assert_eq!(code, 128 + sig as i32, "{what}: {sig:?}");
    t.assert_restored();
}

#[test]
fn signals_in_every_mode_restore_the_terminal() {
    // (keys to reach the mode, text that shows it is reached)
    let modes: &[(&str, &str, &str)] = &[
        ("help open", "?", "factlens keys"),
        ("search prompt", "/Bei", "/Bei"),
        ("filter prompt in the sidebar", "\tFPut", "filter: Put"),
        ("fact selected", "\t\r", "mention 1/"),
    ];
    for (i, &(what, keys, shown)) in modes.iter().enumerate() {
        let sig = [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT][i % 3];
        let mut t = Pty::spawn(&[], 120, 40);
        t.wait_for(TITLE);
        t.wait_for("Facts ·");
        t.send(keys);
        t.wait_for(shown);
        expect_signal_exit(&mut t, sig, what);
    }
}

#[test]
fn signal_after_resize_restores_the_terminal() {
    let mut t = Pty::spawn(&[], 120, 40);
    t.wait_for(TITLE);
    // Resizing before the first frame is complete can be missed (see the
    // report on issue 7); this test is about the signal after it.
    t.wait_for("Facts ·");
    t.send("j");
    t.wait_for("? help");
    t.resize(30, 8);
    t.wait_until("narrow", |s| s.lines().all(|l| l.chars().count() <= 30));
    expect_signal_exit(&mut t, Signal::SIGTERM, "after resize");
}

#[test]
fn two_signals_in_a_row_still_restore_once() {
    let mut t = Pty::spawn(&[], 80, 24);
    t.wait_for(TITLE);
    t.signal(Signal::SIGTERM);
    // The second may arrive while the first is restoring, or after exit.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| t.signal(Signal::SIGHUP)));
    let code = t.wait_exit();
    assert!(
        code == 128 + Signal::SIGTERM as i32 || code == 128 + Signal::SIGHUP as i32,
        "exit {code}"
    );
    t.assert_restored();
}

#[test]
fn sigterm_during_background_loading_restores_the_terminal() {
    let dir = temp_dir("bigterm");
    let path = big_article(&dir, 12_000);
    for sig in [Signal::SIGTERM, Signal::SIGINT] {
        let mut t = Pty::spawn(&[path.to_str().unwrap()], 120, 40);
        t.wait_for("A Very Big Report");
        // The prefix is on screen; the rest loads and the facts are found
        // in the background (seconds for a debug build of this size).
        let analyzing = t.screen_text().contains("analyzing");
        expect_signal_exit(&mut t, sig, "during background loading");
        assert!(
            analyzing,
            "the signal came while the facts were still being found"
        );
    }
    // Keys typed while the rest still loads, then a signal.
    let mut t = Pty::spawn(&[path.to_str().unwrap()], 100, 30);
    t.wait_for("A Very Big Report");
    t.send("G");
    t.send("/Geneva\r");
    expect_signal_exit(&mut t, Signal::SIGHUP, "keys then signal while loading");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn quitting_during_background_loading_exits_at_once() {
    let dir = temp_dir("bigquit");
    let path = big_article(&dir, 12_000);
    let mut t = Pty::spawn(&[path.to_str().unwrap()], 120, 40);
    t.wait_for("A Very Big Report");
    let start = Instant::now();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    // Not waiting for the facts of 2 MB to be found first.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "quit took {:?}",
        start.elapsed()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs factlens with stdout to a pipe, reads `keep` bytes, then closes the
/// pipe as `| head` does. Returns the exit status and stderr.
fn closed_stdout(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let mut child = common::factlens()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut got = Vec::new();
    if keep == 0 {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(!line.is_empty());
    } else {
        got.resize(keep, 0);
        out.read_exact(&mut got).unwrap();
    }
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), err)
}

#[test]
fn closed_stdout_is_a_quiet_success() {
    let dir = temp_dir("head");
    let path = big_article(&dir, 12_000);
    let p = path.to_str().unwrap();
    // `factlens FILE | head -1`
    let (code, err) = closed_stdout(&[p], 0);
    assert_eq!(code, Some(0), "stderr: {err}");
    assert!(err.is_empty(), "no error text: {err}");
    let (code, err) = closed_stdout(&["--width", "30", p], 0);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn closed_stdout_for_json_is_a_quiet_success() {
    let dir = temp_dir("headjson");
    let path = big_article(&dir, 12_000);
    let (code, err) = closed_stdout(&["--json", path.to_str().unwrap()], 100);
    assert_eq!(code, Some(0), "stderr: {err}");
    assert!(err.is_empty(), "no error text: {err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_catchable_fatal_signal_restores_the_terminal() {
    for sig in [
        Signal::SIGQUIT,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
        Signal::SIGALRM,
        Signal::SIGABRT,
    ] {
        let mut t = Pty::spawn(&[], 100, 30);
        t.wait_for(TITLE);
        t.wait_for("Facts ·");
        expect_signal_exit(&mut t, sig, "fatal signal");
    }
}

#[test]
fn ending_signals_keep_the_reading_position() {
    let dir = temp_dir("keep");
    let article = dir.join("long.txt");
    let body = "A line of the article to scroll past.\n\n".repeat(200);
    std::fs::write(&article, format!("Long Article\n\n{body}")).unwrap();
    let state = dir.join("state");
    for sig in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let _ = std::fs::remove_dir_all(&state);
        let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
        let mut t = Pty::spawn_env(&[article.to_str().unwrap()], &env, 80, 20);
        t.wait_for("Long Article");
        t.send("  "); // two pages down
        let top_line = |s: &str| s.lines().next().unwrap_or("").to_string();
        t.wait_until("scrolled", |s| !top_line(s).contains("Long Article"));
        expect_signal_exit(&mut t, sig, "ending signal");
        let saved = std::fs::read_to_string(state.join("factlens/positions.json"))
            .unwrap_or_else(|e| panic!("{sig:?}: no position saved ({e})"));
        let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
        let key = std::fs::canonicalize(&article).unwrap();
        let offset = json["positions"][key.to_str().unwrap()]["offset"]
            .as_u64()
            .unwrap();
        assert!(offset > 0, "{sig:?}: position {offset}");
        // And it comes back there.
        let mut t = Pty::spawn_env(&[article.to_str().unwrap()], &env, 80, 20);
        t.wait_for("A line of the article");
        assert!(
            !top_line(&t.screen_text()).contains("Long Article"),
            "{sig:?}: restored"
        );
        t.send("q");
        assert_eq!(t.wait_exit(), 0);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn suspending_gives_the_terminal_back_and_resuming_takes_it_again() {
    for (how, stop) in [("SIGTSTP", None), ("Ctrl-z", Some("\x1a"))] {
        let mut t = Pty::spawn(&[], 100, 30);
        t.wait_for(TITLE);
        t.wait_for("Facts ·");
        match stop {
            Some(key) => t.send(key),
            None => t.signal(Signal::SIGTSTP),
        }
        t.wait_stopped();
        t.assert_restored();
        t.signal(Signal::SIGCONT);
        t.wait_until("redrawn after resume", |s| {
            s.contains("Facts ·") && s.contains(TITLE)
        });
        t.send("q");
        assert_eq!(t.wait_exit(), 0, "{how}");
        t.assert_restored();
    }
}
