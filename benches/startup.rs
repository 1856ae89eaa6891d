//! Time to first screen, side by side with `less` and `bat`, in one run.
//!
//! Each program runs in a pseudo-terminal of 100x30; the clock stops at the
//! first moment the screen (parsed with vt100) shows the expected text.
//! Peak memory is the child's max RSS from `wait4`, read after it quits
//! (for factlens, after background analysis has finished).
//!
//! ```text
//! cargo bench --bench startup                      # the seed and a 4.4 MB text
//! cargo bench --bench startup -- FILE 'TEXT'       # your own file and first-screen text
//! FACTLENS_RUNS=20 cargo bench --bench startup
//! ```
//! The big text is `$FACTLENS_BIG_TEXT` or a deterministic 4.4 MB text
//! built from the seed article (see `benches/common`).

mod common;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const COLS: u16 = 100;
const ROWS: u16 = 30;
const TIMEOUT: Duration = Duration::from_secs(20);

struct Run {
    first_screen: Duration,
    peak_rss_kb: i64,
}

/// Opens a pty pair of COLS x ROWS; returns (master, slave) fds.
fn open_pty() -> (std::fs::File, std::fs::File) {
    let mut master = 0;
    let mut slave = 0;
    let ws = libc::winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: out-pointers to two ints and a valid winsize.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &ws,
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: fresh fds owned by us from here on.
    unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::fs::File::from_raw_fd(slave),
        )
    }
}

fn run_once(
    program: &Path,
    args: &[&str],
    expect: &str,
    quit: &[u8],
    settle: Duration,
) -> Option<Run> {
    let (mut master, slave) = open_pty();
    let slave_fd = slave.as_raw_fd();
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env("LESS", "")
        .env("BAT_PAGER", "less")
        .stdin(Stdio::from(slave.try_clone().ok()?))
        .stdout(Stdio::from(slave.try_clone().ok()?))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        use std::os::unix::process::CommandExt;
        cmd.pre_exec(move || {
            libc::setsid();
            libc::ioctl(slave_fd, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    // Non-blocking reads so the clock can run while nothing arrives.
    // SAFETY: fcntl on our own fd.
    unsafe {
        let fl = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(master.as_raw_fd(), libc::F_SETFL, fl | libc::O_NONBLOCK);
    }
    let start = Instant::now();
    let child = cmd.spawn().ok()?;
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(ROWS).expect("rows"),
        std::num::NonZeroU16::new(COLS).expect("cols"),
        0,
    );
    let mut buf = [0u8; 1 << 16];
    let mut first_screen = None;
    while start.elapsed() < TIMEOUT {
        match master.read(&mut buf) {
            Ok(n) if n > 0 => {
                parser.process(&buf[..n]);
                if parser.screen().contents().contains(expect) {
                    first_screen = Some(start.elapsed());
                    break;
                }
            }
            _ => std::thread::sleep(Duration::from_micros(200)),
        }
    }
    std::thread::sleep(settle);
    let _ = master.write_all(quit);
    // Drain output until the child exits, then read its peak RSS.
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: zeroed rusage to be filled by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let _ = master.read(&mut buf);
        // SAFETY: our child's pid and valid out-pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if Instant::now() > deadline {
            // SAFETY: killing our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Some(Run {
        first_screen: first_screen?,
        peak_rss_kb: usage.ru_maxrss,
    })
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

fn big_text(dir: &Path) -> (PathBuf, &'static str) {
    let path = dir.join("factlens-big.txt");
    std::fs::write(&path, common::big_text()).expect("write the big text");
    (path, "In the beginning")
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs: usize = std::env::var("FACTLENS_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let factlens = PathBuf::from(env!("CARGO_BIN_EXE_factlens"));
    let seed = dir.join("factlens-seed.txt");
    std::fs::write(&seed, common::SEED).expect("write the seed");
    let cases: Vec<(PathBuf, String)> = match args.as_slice() {
        [file, text, ..] => vec![(PathBuf::from(file), text.clone())],
        _ => {
            let (big, expect) = big_text(&dir);
            vec![
                (seed.clone(), "Red Carpet from China for Putin".into()),
                (big, expect.into()),
            ]
        }
    };
    let bat = which("bat").or_else(|| which("batcat"));
    for (file, expect) in &cases {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        println!(
            "\n{} ({:.1} MB), {COLS}x{ROWS}, {runs} runs, first screen showing {expect:?}",
            file.display(),
            size as f64 / 1e6
        );
        println!(
            "{:<10} {:>9} {:>9} {:>9} {:>11}",
            "program", "min ms", "median", "max", "peak RSS"
        );
        let f = file.to_str().expect("utf-8 path");
        let mut programs: Vec<(&str, PathBuf, Vec<&str>, Duration)> =
            // factlens settles 3 s so peak memory includes background analysis.
            vec![("factlens", factlens.clone(), vec![f], Duration::from_secs(3))];
        if let Some(less) = which("less") {
            programs.push(("less", less, vec![f], Duration::ZERO));
        }
        if let Some(bat) = &bat {
            programs.push((
                "bat",
                bat.clone(),
                vec!["--paging=always", f],
                Duration::ZERO,
            ));
        }
        for (name, program, pargs, settle) in &programs {
            let mut times = Vec::new();
            let mut peak = 0;
            for i in 0..runs {
                // Only one run waits for background work, to measure memory.
                let settle = if i == 0 {
                    *settle
                } else {
                    Duration::from_millis(20)
                };
                match run_once(program, pargs, expect, b"q", settle) {
                    Some(r) => {
                        times.push(r.first_screen);
                        peak = peak.max(r.peak_rss_kb);
                    }
                    None => println!("{name}: run {i} timed out"),
                }
            }
            if times.is_empty() {
                continue;
            }
            times.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            println!(
                "{name:<10} {:>9.1} {:>9.1} {:>9.1} {:>8.1} MB",
                ms(times[0]),
                ms(times[times.len() / 2]),
                ms(times[times.len() - 1]),
                peak as f64 / 1024.0
            );
        }
        if bat.is_none() {
            println!("(bat not found: apt-get install bat)");
        }
    }
}
