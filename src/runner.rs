//! The interactive loop, and the one place effects are performed.
//!
//! Terminal events (read on their own thread) and workers' results arrive
//! on one channel; each becomes an [`Action`] for [`App::update`], whose
//! [`Effect`]s are carried out here: the clipboard, the system opener,
//! reading a library article on a worker, saving reading positions. Then
//! the screen is drawn. The loop blocks on the channel: it never spins.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::{Action, App, Arrival, Article, Effect, EntryState, FactIndex, Options};
use crate::extract::extract;
use crate::progressive::{self, Opening, Progress, Whole};
use crate::state::StateFile;
use crate::summary::Summary;
use crate::terminal::{self, Tui};

/// What to open in the terminal.
// Made once per run: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Start {
    /// One article, possibly still loading.
    Reader {
        opening: Opening,
        /// What to call it when it has no title.
        name: Option<String>,
        /// The key and input length its reading position is kept under.
        key: Option<(String, usize)>,
    },
    /// A list of articles to choose from, each read up to `max_input` bytes.
    Library { paths: Vec<PathBuf>, max_input: u64 },
}

/// For start-up benchmarks and tests of the terminal's restoration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterFirstFrame {
    Continue,
    Exit,
    Panic,
}

enum Message {
    Terminal(std::io::Result<ratatui::crossterm::event::Event>),
    Action(Action),
    Signal(terminal::Signal),
}

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// This signal ended it (the position was saved first).
    Signal(i32),
}

/// Something a worker can send its results with.
#[derive(Clone)]
struct Outbox(Sender<Message>);

impl Outbox {
    /// False once the loop has ended.
    fn send(&self, action: Action) -> bool {
        self.0.send(Message::Action(action)).is_ok()
    }
}

struct Runner {
    tui: Tui,
    app: App,
    outbox: Outbox,
    memory: Option<StateFile>,
    /// Keys that came while the text was still loading: they act on the
    /// whole text, so they wait for it (tens of milliseconds at most).
    deferred: Vec<Action>,
    /// How much of a library article is read at most.
    max_input: u64,
    /// Set by a signal that ends the run.
    ended: Option<i32>,
}

/// Runs factlens in the terminal until the user quits or a signal ends it;
/// the terminal is restored however this returns.
pub fn run(start: Start, options: Options, after: AfterFirstFrame) -> anyhow::Result<Ended> {
    let mut memory = crate::state::default_path().map(|p| StateFile::load(&p));
    let warning = memory.as_mut().and_then(|m| m.warning.take());
    let (tx, rx) = mpsc::channel();
    let signals = tx.clone();
    let tui = Tui::enter(move |sig| signals.send(Message::Signal(sig)).is_ok())?;
    let (width, height) = tui.size()?;
    let outbox = Outbox(tx);
    let max_input = match &start {
        Start::Library { max_input, .. } => *max_input,
        Start::Reader { .. } => crate::input::DEFAULT_MAX_INPUT,
    };
    let (app, background) = build(start, options, width, height, memory.as_ref());
    let mut runner = Runner {
        tui,
        app,
        outbox,
        memory,
        deferred: Vec::new(),
        max_input,
        ended: None,
    };
    if let Some(warning) = warning {
        runner.handle(Action::Notice(warning));
    }
    runner.draw()?;
    match after {
        AfterFirstFrame::Continue => {}
        AfterFirstFrame::Exit => return Ok(Ended::Quit),
        AfterFirstFrame::Panic => panic!("debug panic requested"),
    }
    // Started after the first frame, so it does not compete with it.
    if let Some(start) = background {
        start(runner.outbox.clone());
    }
    read_terminal(runner.outbox.0.clone());
    runner.run(rx)?;
    let Runner {
        tui,
        app,
        memory,
        ended,
        ..
    } = runner;
    drop(tui);
    if let (Some(mut memory), Some(Effect::Remember { key, len, offset })) =
        (memory, app.reading_position())
    {
        // Not worth failing over: the article was read; say why it is not kept.
        if let Err(e) = remember(&mut memory, &key, len, offset) {
            eprintln!("factlens: could not save the reading position: {e}");
        }
    }
    Ok(ended.map_or(Ended::Quit, Ended::Signal))
}

/// Background work to start once the first screen is up.
type Background = Box<dyn FnOnce(Outbox)>;

fn build(
    start: Start,
    options: Options,
    width: u16,
    height: u16,
    memory: Option<&StateFile>,
) -> (App, Option<Background>) {
    match start {
        Start::Reader { opening, name, key } => {
            let restore = key
                .as_ref()
                .zip(memory)
                .and_then(|((k, len), m)| m.position(k, *len));
            let (mut article, whole) = match opening {
                Opening::Ready(doc, facts) => (Article::new(doc, &facts), None),
                Opening::Progressive { prefix, whole } => {
                    (Article::pending(Arc::new(prefix), true), Some(whole))
                }
            };
            article.name = name;
            article.key = key;
            article.restore = restore;
            let app = App::for_article(article, options, width, height);
            let background = whole.map(|whole| {
                let cols = app.geometry().text_cols;
                Box::new(move |outbox: Outbox| finish_loading(whole, cols, outbox)) as Background
            });
            (app, background)
        }
        Start::Library { paths, max_input } => {
            let app = App::for_library(paths.clone(), options, width, height);
            let background: Background =
                Box::new(move |outbox| summarize(paths, max_input, outbox));
            (app, Some(background))
        }
    }
}

impl Runner {
    fn run(&mut self, rx: Receiver<Message>) -> anyhow::Result<()> {
        let done = |r: &Runner| r.app.should_quit() || r.ended.is_some();
        while !done(self) {
            let Ok(message) = rx.recv() else { break };
            self.receive(message)?;
            // Take whatever else is waiting before drawing once.
            while !done(self)
                && let Ok(message) = rx.try_recv()
            {
                self.receive(message)?;
            }
            if !done(self) {
                self.draw()?;
            }
        }
        Ok(())
    }

    fn receive(&mut self, message: Message) -> anyhow::Result<()> {
        let action = match message {
            Message::Terminal(event) => match terminal::action(event?) {
                Some(action) => action,
                None => return Ok(()),
            },
            Message::Action(action) => action,
            Message::Signal(terminal::Signal::End(sig)) => {
                self.ended = Some(sig);
                return Ok(());
            }
            Message::Signal(terminal::Signal::Resumed) => {
                self.tui.clear()?;
                return Ok(());
            }
        };
        if self.app.reader().loading() && matches!(action, Action::Key(_)) {
            self.deferred.push(action);
            return Ok(());
        }
        self.handle(action);
        if !self.app.reader().loading() {
            for action in std::mem::take(&mut self.deferred) {
                self.handle(action);
            }
        }
        Ok(())
    }

    fn handle(&mut self, action: Action) {
        for effect in self.app.update(action) {
            self.perform(effect);
        }
    }

    /// Carries out an effect; what goes wrong is said on the status line.
    fn perform(&mut self, effect: Effect) {
        let failed = match effect {
            Effect::Copy(text) => self.tui.copy(&text).err().map(|e| format!("copy: {e}")),
            Effect::Suspend => self.tui.suspend().err().map(|e| format!("suspend: {e}")),
            Effect::Open(url) => terminal::open_url(&url)
                .err()
                .map(|e| format!("{:#}", anyhow::Error::from(e))),
            Effect::OpenArticle { entry, path, at } => {
                let saved = self.memory.as_ref().map(|m| m.state.clone());
                let (outbox, limit) = (self.outbox.clone(), self.max_input);
                std::thread::spawn(move || open_article(entry, &path, at, saved, limit, outbox));
                None
            }
            Effect::Remember { key, len, offset } => self.memory.as_mut().and_then(|memory| {
                remember(memory, &key, len, offset)
                    .err()
                    .map(|e| format!("could not save the reading position: {e}"))
            }),
        };
        if let Some(message) = failed {
            self.handle(Action::Notice(message));
        }
    }

    /// Draws, then catches up with a resize that slipped by before the
    /// event reader was set up.
    fn draw(&mut self) -> std::io::Result<()> {
        self.tui.draw(|f| crate::ui::draw(f, &self.app))?;
        let (width, height) = self.tui.size()?;
        let screen = self.app.screen();
        if (width, height) != (screen.width, screen.height) {
            self.app.update(Action::Resize { width, height });
            self.tui.draw(|f| crate::ui::draw(f, &self.app))?;
        }
        Ok(())
    }
}

/// Reads terminal events on their own thread, so the loop waits on one channel.
fn read_terminal(tx: Sender<Message>) {
    std::thread::Builder::new()
        .name("factlens-input".into())
        .spawn(move || {
            loop {
                let event = ratatui::crossterm::event::read();
                let failed = event.is_err();
                if tx.send(Message::Terminal(event)).is_err() || failed {
                    return;
                }
            }
        })
        .expect("spawn the input thread");
}

/// Keeps where the article under `key` was left, in the state file.
fn remember(memory: &mut StateFile, key: &str, len: usize, offset: usize) -> std::io::Result<()> {
    memory.remember(key, offset, len);
    memory.save()
}

/// The rest of a big text, then its facts.
fn finish_loading(whole: Whole, cols: usize, outbox: Outbox) {
    progressive::finish_in_background(whole, cols, move |progress| {
        outbox.send(match progress {
            Progress::Loaded(doc, layout) => Action::Loaded(doc, layout),
            Progress::Analyzed(index) => Action::Analyzed(index),
        })
    });
}

/// Reads each library entry in turn and sends what it found.
fn summarize(paths: Vec<PathBuf>, limit: u64, outbox: Outbox) {
    std::thread::Builder::new()
        .name("factlens-library".into())
        .spawn(move || {
            for (i, path) in paths.into_iter().enumerate() {
                let state = match crate::input::load_file(&path, limit) {
                    Ok((doc, _)) => EntryState::Ready(Summary::new(&doc, &extract(&doc))),
                    Err(why) => EntryState::Failed(why.to_string()),
                };
                if !outbox.send(Action::LibraryEntry(i, state)) {
                    return;
                }
            }
        })
        .expect("spawn the library thread");
}

/// Reads a library article the user opened, with where it was left.
fn open_article(
    entry: usize,
    path: &Path,
    at: Option<Arrival>,
    saved: Option<crate::state::State>,
    limit: u64,
    outbox: Outbox,
) {
    let action = match crate::input::load_file(path, limit) {
        Ok((doc, len)) => {
            let facts = extract(&doc);
            let key = crate::state::key_for(&path.to_string_lossy()).map(|k| (k, len));
            let restore = key
                .as_ref()
                .zip(saved.as_ref())
                .and_then(|((k, len), s)| s.position(k, *len));
            let index = FactIndex::new(&doc, &facts);
            let article = Article {
                doc: Arc::new(doc),
                index: Some(index),
                loading: false,
                name: None,
                key,
                restore,
            };
            Action::Opened {
                entry,
                article: Box::new(article),
                at,
            }
        }
        Err(why) => Action::OpenFailed {
            entry,
            why: why.to_string(),
        },
    };
    outbox.send(action);
}
