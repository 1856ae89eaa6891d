//! Terminal set-up and the promise to leave it as we found it: raw mode off,
//! alternate screen left, cursor shown, mouse capture off — on quit, on
//! error, on panic (the message is printed after the restore) and on every
//! signal that can be caught: SIGTERM, SIGHUP and SIGINT end factlens after
//! the runner saved the reading position; SIGQUIT, SIGUSR1, SIGUSR2,
//! SIGALRM and SIGABRT end it at once; SIGTSTP (and Ctrl-z) suspends it
//! with the terminal restored, and it takes the screen back when resumed.

use std::io::{self, Stdout, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{
    SIGABRT, SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

use crate::app::Action;
use crate::keymap::{Key, KeyCode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    Event, KeyEvent, KeyEventKind, KeyModifiers, KeyboardEnhancementFlags, MouseButton,
    MouseEventKind, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// Set while the terminal is in our modes; restoring clears it, so restoring
/// twice (guard, then panic hook) is harmless.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while drawing, so a signal never restores the terminal in the middle
/// of a frame and then has the rest of the frame land on the user's screen.
static DRAWING: Mutex<()> = Mutex::new(());

/// The terminal in our modes; dropping it restores the terminal.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Tui {
    /// Installs the restore hooks and enters raw mode and the alternate
    /// screen. `notify` tells the runner of a signal: one that ends factlens
    /// (it saves and exits; if it has not within a second, the terminal is
    /// restored and factlens ends anyway) or a resume after a suspension
    /// (it redraws). It returns false once the runner is gone.
    pub fn enter(notify: impl Fn(Signal) -> bool + Send + 'static) -> anyhow::Result<Tui> {
        install_hooks(notify)?;
        let enter = || -> io::Result<Tui> {
            enter_modes()?;
            let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
            Ok(Tui { terminal })
        };
        // From here on, dropping the Tui (on any return) restores.
        enter().map_err(|e| {
            restore();
            e.into()
        })
    }

    /// Ctrl-z: the terminal as it was, the process stopped until `fg`,
    /// then the screen taken back and drawn anew.
    pub fn suspend(&mut self) -> io::Result<()> {
        {
            let _lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
            stop_here()?;
        }
        self.clear()
    }

    /// Blanks the screen and forgets what was on it, so the next draw
    /// paints all of it. (`Terminal::clear` would ask the terminal where
    /// its cursor is, and the answer goes to the input thread.)
    pub fn clear(&mut self) -> io::Result<()> {
        let _lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
        execute!(io::stdout(), Clear(ClearType::All))?;
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }

    pub fn draw(&mut self, f: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        let _lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
        self.terminal.draw(f).map(|_| ())
    }

    /// The terminal's size now (a resize can slip by before the event
    /// reader is set up, so the loop compares this with what the app knows).
    pub fn size(&self) -> io::Result<(u16, u16)> {
        self.terminal.size().map(|s| (s.width, s.height))
    }

    /// Puts `text` on the clipboard with OSC 52.
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        let _lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = io::stdout().lock();
        out.write_all(osc52(text).as_bytes())?;
        out.flush()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}

/// Why a link could not be handed to the system opener.
#[derive(Debug, thiserror::Error)]
pub enum OpenUrlError {
    #[error("no opener found (xdg-open); y in the link list copies the address")]
    NoOpener,
    #[error("{opener}")]
    Spawn {
        opener: &'static str,
        source: io::Error,
    },
}

/// Hands a URL to the system opener, detached, its output discarded so it
/// cannot scribble on our screen. No shell is involved.
pub fn open_url(url: &str) -> Result<(), OpenUrlError> {
    let opener = ["xdg-open", "open", "wslview"]
        .into_iter()
        .find(|o| {
            std::env::var_os("PATH")
                .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(o).is_file()))
        })
        .ok_or(OpenUrlError::NoOpener)?;
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|source| OpenUrlError::Spawn { opener, source })
}

/// The OSC 52 "set clipboard" sequence; works over SSH in most terminals.
/// The payload is base64, so no byte of the text reaches the terminal raw.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// What a signal asks of the runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// End, after saving (SIGTERM, SIGHUP, SIGINT); the number is the signal's.
    End(i32),
    /// The process was resumed after a suspension: draw the whole screen.
    Resumed,
}

/// Signals that end factlens at once, the terminal restored first.
const FATAL: [i32; 5] = [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGABRT];
/// Signals that end factlens after the runner saved the reading position.
const ENDING: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];
/// How long the runner has to save and leave after an ending signal.
const GRACE: Duration = Duration::from_secs(1);

/// Mouse reporting of buttons only: presses and releases, the wheel
/// included (1000), motion while a button is held (1002), in SGR encoding
/// (1006). crossterm's `EnableMouseCapture` also asks for every motion
/// (1003) and the urxvt encoding (1015): a report for each cell the pointer
/// crosses with no button held, each waking the loop for nothing. (While
/// any mouse reporting is on, most terminals still select text only with
/// Shift held.)
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1002h\x1b[?1006h";
/// Turns off exactly what [`MOUSE_ON`] turned on, in reverse order.
pub const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1002l\x1b[?1000l";

/// Writes [`MOUSE_ON`] or [`MOUSE_OFF`] as a crossterm command, queued with
/// the other mode changes.
struct MouseButtons(bool);

impl ratatui::crossterm::Command for MouseButtons {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str(if self.0 { MOUSE_ON } else { MOUSE_OFF })
    }
}

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    // Disambiguated keys let Ctrl-i differ from Tab on terminals that
    // speak the kitty keyboard protocol; others ignore the request.
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        MouseButtons(true),
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES),
        cursor::Hide
    )
}

/// Restores the terminal, stops the process (as the shell's job control
/// expects) and, once continued, enters our modes again. Called with the
/// drawing lock held.
fn stop_here() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGSTOP)?;
    enter_modes()
}

fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            PopKeyboardEnhancementFlags,
            MouseButtons(false),
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

fn install_hooks(notify: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<()> {
    let original = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _lock = DRAWING.try_lock();
        restore();
        original(info);
        // A panic on any thread (the background loader too) ends factlens:
        // the terminal is already restored, so carrying on would draw on
        // the user's screen.
        std::process::exit(101);
    }));
    let all = ENDING.iter().chain(&FATAL).chain(&[SIGTSTP]).copied();
    let mut signals = signal_hook::iterator::Signals::new(all)?;
    std::thread::Builder::new()
        .name("factlens-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig == SIGTSTP {
                    let lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
                    let _ = stop_here();
                    drop(lock);
                    notify(Signal::Resumed);
                    continue;
                }
                if ENDING.contains(&sig) && notify(Signal::End(sig)) {
                    // The runner saves and exits; this is the backstop.
                    std::thread::sleep(GRACE);
                }
                let _lock = DRAWING.lock().unwrap_or_else(|p| p.into_inner());
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// Converts a terminal key event into the keymap's terms. Shift is folded
/// into the character ("G"), Control is kept.
pub fn key(k: KeyEvent) -> Option<Key> {
    use ratatui::crossterm::event::KeyCode as C;
    let code = match k.code {
        C::Char(c) => KeyCode::Char(if k.modifiers.contains(KeyModifiers::CONTROL) {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
    })
}

/// What a terminal event means to the app, if anything.
pub fn action(event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(k).map(Action::Key),
        Event::Mouse(m) => {
            let (x, y) = (m.column, m.row);
            match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, delta: 1 }),
                MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, delta: -1 }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_the_text() {
        // "Hi\x1b" must not reach the terminal raw: base64 keeps it inert.
        assert_eq!(osc52("Hi\u{1b}"), "\u{1b}]52;c;SGkb\u{7}");
    }

    #[test]
    fn mouse_reports_buttons_and_drags_not_every_motion() {
        use ratatui::crossterm::Command as _;
        let mut on = String::new();
        MouseButtons(true).write_ansi(&mut on).unwrap();
        assert_eq!(on, "\x1b[?1000h\x1b[?1002h\x1b[?1006h");
        assert!(!on.contains("1003"), "all-motion tracking stays off");
        let mut off = String::new();
        MouseButtons(false).write_ansi(&mut off).unwrap();
        // Every mode turned on is turned off again.
        for mode in ["1000", "1002", "1006"] {
            assert!(off.contains(&format!("\x1b[?{mode}l")), "{mode}");
        }
    }

    #[test]
    fn keys_fold_shift_into_the_character() {
        use ratatui::crossterm::event::KeyCode as C;
        let k = |code, m| key(KeyEvent::new(code, m)).unwrap();
        assert_eq!(k(C::Char('G'), KeyModifiers::SHIFT), Key::ch('G'));
        assert_eq!(k(C::Char('D'), KeyModifiers::CONTROL), Key::ctrl('d'));
        assert_eq!(k(C::Tab, KeyModifiers::NONE), Key::plain(KeyCode::Tab));
    }
}
