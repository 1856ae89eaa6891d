//! Runs the real factlens binary in a pseudo-terminal and reads its screen
//! with the vt100 crate: keys in, screen out, no tmux needed.

#![allow(dead_code)]

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Pty {
    session: expectrl::session::OsSession,
    pub parser: vt100::Parser,
    /// Every byte factlens wrote, for tests of the sequences themselves.
    pub raw: Vec<u8>,
}

impl Pty {
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_env(args, &[], cols, rows)
    }

    /// Like [`Pty::spawn`], with these environment variables set.
    pub fn spawn_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let mut cmd = factlens();
        cmd.envs(env.iter().copied());
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).expect("spawn factlens in a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("set pty size");
        Pty {
            session,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 65536];
        let mut got = false;
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return got,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                    got = true;
                }
                Err(_) => return got,
            }
        }
    }

    /// Whether factlens has written `seq` (raw bytes, escapes included).
    pub fn wrote(&self, seq: &str) -> bool {
        self.raw.windows(seq.len()).any(|w| w == seq.as_bytes())
    }

    pub fn screen_text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            if self.screen_text().contains(text) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {text:?}; screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until `pred` holds for the screen text.
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            if pred(&self.screen_text()) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    pub fn signal(&mut self, sig: expectrl::process::unix::Signal) {
        self.session.get_process_mut().signal(sig).unwrap();
    }

    /// Waits until the process is stopped (job control), reading its output.
    pub fn wait_stopped(&mut self) {
        let pid = self.session.get_process().pid();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // The state follows the command name in parentheses.
            let state = stat.rsplit(") ").next().and_then(|r| r.chars().next());
            if state == Some('T') {
                self.pump();
                return;
            }
            if Instant::now() > deadline {
                panic!("factlens did not stop; screen:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits for the process to exit and returns its exit code (or 128 + signal).
    pub fn wait_exit(&mut self) -> i32 {
        use expectrl::process::unix::WaitStatus;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => {
                    self.pump();
                    return code;
                }
                Ok(WaitStatus::Signaled(_, sig, _)) => return 128 + sig as i32,
                _ => {}
            }
            if Instant::now() > deadline {
                panic!("factlens did not exit; screen:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Asserts the process has not exited (after reading what it drew).
    pub fn assert_running(&mut self) {
        use expectrl::process::unix::WaitStatus;
        self.pump();
        let status = self.session.get_process().status();
        assert!(
            matches!(status, Ok(WaitStatus::StillAlive)),
            "factlens ended ({status:?}); screen:\n{}",
            self.screen_text()
        );
    }

    /// Whether the pty is in canonical (cooked) mode, as raw mode turns it off.
    /// (Echo cannot tell: the pty library turns echo off in the child.)
    pub fn canonical_mode(&self) -> bool {
        use std::os::fd::AsRawFd;
        let handle = self
            .session
            .get_process()
            .get_raw_handle()
            .expect("pty handle");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: a valid fd and a zeroed termios struct to fill.
        let rc = unsafe { libc::tcgetattr(handle.as_raw_fd(), &mut t) };
        assert_eq!(rc, 0, "tcgetattr");
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ISIG != 0
    }

    /// Asserts the terminal was left as found: main screen, cursor visible,
    /// no mouse reporting, echo back on (raw mode off).
    pub fn assert_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "alternate screen still on");
        assert!(!s.hide_cursor(), "cursor still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        assert!(self.canonical_mode(), "tty still in raw mode (ICANON off)");
        // vt100 keeps only the last mouse mode: check each one turned on
        // was turned off after, in the bytes themselves.
        for mode in ["1000", "1002", "1003", "1006", "1015"] {
            let last = |seq: String| {
                self.raw
                    .windows(seq.len())
                    .rposition(|w| w == seq.as_bytes())
            };
            if let Some(on) = last(format!("\x1b[?{mode}h")) {
                assert!(
                    last(format!("\x1b[?{mode}l")).is_some_and(|off| off > on),
                    "mouse mode {mode} left on"
                );
            }
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("at least 1")
}

/// Keeps tests away from the developer's own config and reading positions:
/// XDG config and state directories under a per-process temp dir.
pub fn isolate(cmd: &mut Command) {
    let home = std::env::temp_dir().join(format!("factlens-xdg-{}", std::process::id()));
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"));
}

/// The factlens binary, kept away from the developer's config and state.
pub fn factlens() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlens"));
    isolate(&mut cmd);
    cmd
}

/// Runs factlens with `stdin` piped in; returns exit code, stdout, stderr.
pub fn run_bytes(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, Vec<u8>) {
    use std::process::Stdio;
    let mut child = factlens()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run that fails early (bad usage) exits without reading: a broken
    // pipe here is its business, and its exit code tells.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}
