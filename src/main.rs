//! Wires the command line, the terminal and the event loop. All behaviour
//! lives in the library; this file only connects it to the outside world.

mod terminal;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use factlens::app::{Action, App, DEFAULT_MEASURE, Effect};
use factlens::cli::{Cli, ColorWhen};
use factlens::config::{Config, Settings};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use factlens::document::{Document, Format, load_as, load_plain, load_vec};
use factlens::extract::extract;
use factlens::fetch::{FetchOptions, fetch};
use factlens::layout::layout;
use factlens::progressive::{self, Bytes, Opening};
use factlens::state::StateFile;

/// The article shown when no file is given.
const SEED: &str = include_str!("../assets/seed.txt");

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(shell) = cli.completions {
        factlens::cli::completions(shell, &mut io::stdout());
        return ExitCode::SUCCESS;
    }
    if cli.man {
        return match factlens::cli::man_page(&mut io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`factlens a.txt | head`) is not an error.
            let broken_pipe = |k: Option<io::ErrorKind>| k == Some(io::ErrorKind::BrokenPipe);
            if broken_pipe(e.downcast_ref::<io::Error>().map(io::Error::kind))
                || broken_pipe(
                    e.downcast_ref::<serde_json::Error>()
                        .and_then(serde_json::Error::io_error_kind),
                )
            {
                return ExitCode::SUCCESS;
            }
            // File names and URLs come from strangers too: no control
            // character of theirs reaches the terminal through stderr.
            let (message, _) = factlens::document::sanitize(&format!("{e:#}"));
            eprintln!("factlens: {message}");
            ExitCode::FAILURE
        }
    }
}

/// An input to read: its bytes, a name for messages, the loader to use and,
/// for a web page, its address (to resolve relative links).
struct Input {
    name: String,
    bytes: Bytes,
    format: Format,
    url: Option<String>,
}

fn is_url(arg: &std::ffi::OsStr) -> bool {
    arg.to_str()
        .is_some_and(|s| s.starts_with("http://") || s.starts_with("https://"))
}

/// Reads the input; `None` for the built-in article. The loader is
/// `--format` if given, else what a URL's Content-Type or a file's extension
/// says, else a guess from the content.
fn read_input(file: &Option<PathBuf>, format: Option<Format>) -> anyhow::Result<Option<Input>> {
    let (name, bytes, known, url) = match file {
        None if !io::stdin().is_terminal() => (
            "standard input".to_string(),
            Bytes::Owned(read_stdin()?),
            None,
            None,
        ),
        None => return Ok(None),
        Some(p) if p.as_os_str() == "-" => (
            "standard input".to_string(),
            Bytes::Owned(read_stdin()?),
            None,
            None,
        ),
        Some(p) if is_url(p.as_os_str()) => {
            let url = p.to_string_lossy().into_owned();
            let page =
                fetch(&url, &FetchOptions::default()).map_err(|e| anyhow::anyhow!("{url}: {e}"))?;
            let known = page.format();
            (url, Bytes::Owned(page.body), known, Some(page.final_url))
        }
        Some(p) => {
            let name = p.display().to_string();
            if p.is_dir() {
                anyhow::bail!("{name}: is a directory, not an article file");
            }
            let bytes =
                Bytes::read(p).map_err(|e| anyhow::anyhow!("{name}: {}", describe_io(&e)))?;
            (name, bytes, Format::from_path(p), None)
        }
    };
    let format = format.or(known).unwrap_or_else(|| {
        Format::sniff(
            std::str::from_utf8(&bytes[..bytes.len().min(64 * 1024)])
                .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("")),
        )
    });
    Ok(Some(Input {
        name,
        bytes,
        format,
        url,
    }))
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("standard input: {}", describe_io(&e)))?;
    Ok(bytes)
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, not an article file".into(),
        _ => e.to_string(),
    }
}

/// Reads and validates the configuration (the default file may be absent).
fn settings(cli: &Cli) -> anyhow::Result<Settings> {
    let (path, explicit) = match (&cli.config, factlens::config::default_path()) {
        (Some(p), _) => (p.clone(), true),
        (None, Some(p)) => (p, false),
        (None, None) => return Ok(Config::default().settings("(none)")?),
    };
    let config = Config::load(&path, explicit)?;
    Ok(config.settings(&path.display().to_string())?)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = settings(&cli)?;
    if cli.check_config {
        match (&cli.config, factlens::config::default_path()) {
            (Some(p), _) => println!("{}: ok", p.display()),
            (None, Some(p)) if p.exists() => println!("{}: ok", p.display()),
            (None, Some(p)) => println!("{}: no config file (defaults apply)", p.display()),
            (None, None) => println!("no config directory on this system (defaults apply)"),
        }
        return Ok(());
    }
    if let Some(paths) = library_paths(&cli.files)? {
        let what = match cli.files.as_slice() {
            [dir] => format!("{}: is a directory", dir.display()),
            _ => format!("{} files", cli.files.len()),
        };
        anyhow::ensure!(!cli.json, "{what}: --json reads one article; give one file");
        anyhow::ensure!(
            io::stdout().is_terminal(),
            "{what}: a library needs a terminal; give one file to print it"
        );
        return run_library(cli, settings, paths);
    }
    let input = read_input(&cli.files.first().cloned(), cli.format)?;
    let measure = cli
        .width
        .map(usize::from)
        .or(settings.measure)
        .unwrap_or(DEFAULT_MEASURE);
    let load = |input: Option<Input>| -> anyhow::Result<Document> {
        match input {
            None => Ok(load_plain(SEED)),
            Some(i) if i.format == Format::Plain => {
                load_vec(i.bytes.into_vec()).map_err(|e| anyhow::anyhow!("{}: {e}", i.name))
            }
            Some(i) => load_as(&i.bytes, i.format, i.url.as_deref())
                .map_err(|e| anyhow::anyhow!("{}: {e}", i.name)),
        }
    };
    if let Some(name) = &cli.explain {
        let doc = load(input)?;
        let mut out = io::stdout().lock();
        factlens::explain::write(&mut out, &doc, name)?;
        return Ok(());
    }
    if cli.json {
        let doc = load(input)?;
        let facts = extract(&doc);
        let mut notes = doc.notes.clone();
        if factlens::extract::is_truncated(&doc) {
            notes.push(format!(
                "facts from the first {} MB only",
                factlens::extract::MAX_ANALYZED_BYTES >> 20
            ));
        }
        let opts = factlens::json::Options {
            with_text: cli.with_text,
            notes,
        };
        // Block-buffered: stdout's own buffer flushes at every newline.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        factlens::json::write(&mut out, &doc, &facts, &opts)?;
        out.flush()?;
        return Ok(());
    }
    if !io::stdout().is_terminal() {
        return print_plain(&load(input)?, measure);
    }
    // Everything that can fail on the input fails here, before the
    // terminal is touched.
    // Where this article was left last time (files and URLs only).
    let mut memory = factlens::state::default_path().map(|p| StateFile::load(&p));
    let key = input
        .as_ref()
        .and_then(|i| Some((factlens::state::key_for(&i.name)?, i.bytes.len())));
    let name = input.as_ref().map(|Input { name, .. }| {
        std::path::Path::new(name)
            .file_name()
            .map_or(name.clone(), |f| f.to_string_lossy().into_owned())
    });
    let opening = match input {
        None => {
            let doc = load_plain(SEED);
            let facts = extract(&doc);
            Opening::Ready(doc, facts)
        }
        Some(i) => progressive::open(i.bytes, i.format, i.url.as_deref())
            .map_err(|e| anyhow::anyhow!("{}: {e}", i.name))?,
    };
    let look = Look::new(&cli, &settings);
    let keymap = settings.keymap.clone();
    let after_first_frame = after_first_frame(&cli);
    let restore = key
        .as_ref()
        .zip(memory.as_ref())
        .and_then(|((k, len), file)| file.position(k, *len));
    let warning = memory.as_ref().and_then(|file| file.warning.clone());
    let app = terminal::run(
        after_first_frame,
        move |width, height| {
            let (mut app, background) = match opening {
                Opening::Ready(doc, facts) => {
                    (App::new(doc, facts, keymap, measure, width, height), None)
                }
                Opening::Progressive { prefix, whole } => {
                    let app = App::pending(Arc::new(prefix), true, keymap, measure, width, height);
                    let width = app.geometry().text_cols;
                    // Started after the first frame, so it does not compete with it.
                    let start: Background =
                        Box::new(move || progressive::finish_in_background(whole, width));
                    (app, Some(start))
                }
            };
            look.apply(&mut app);
            app.name = name;
            app.key = key;
            if let Some(offset) = restore {
                app.restore_position(offset);
            }
            if warning.is_some() {
                app.notice = warning;
            }
            (app, background)
        },
        memory.as_mut(),
    )?;
    if let (Some(app), Some(file)) = (app, memory.as_mut()) {
        remember(file, &app);
    }
    Ok(())
}

/// The reader's look and preferences, from the CLI and the config.
struct Look {
    palette: factlens::theme::Palette,
    color: bool,
    sort: factlens::app::SortOrder,
    sidebar_left: bool,
    sidebar_cols: Option<u16>,
    sidebar_shown: bool,
}

impl Look {
    fn new(cli: &Cli, settings: &Settings) -> Look {
        let color = match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            // https://no-color.org: any non-empty value turns colour off.
            ColorWhen::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        let truecolor = std::env::var("COLORTERM").is_ok_and(|v| v == "truecolor" || v == "24bit");
        Look {
            palette: settings.palette.for_terminal(truecolor),
            color,
            sort: settings.sort,
            sidebar_left: settings.sidebar_left,
            sidebar_cols: settings.sidebar_cols,
            sidebar_shown: settings.sidebar_shown,
        }
    }

    fn apply(&self, app: &mut App) {
        app.color = self.color;
        app.palette = self.palette;
        app.configure_sidebar(
            self.sidebar_shown,
            self.sidebar_left,
            self.sidebar_cols,
            self.sort,
        );
    }
}

fn after_first_frame(cli: &Cli) -> AfterFirstFrame {
    match (cli.exit_after_first_frame, cli.debug_panic) {
        (_, true) => AfterFirstFrame::Panic,
        (true, _) => AfterFirstFrame::Exit,
        _ => AfterFirstFrame::Continue,
    }
}

/// Saves where the reader is in the open article, if it has a key.
fn remember(file: &mut StateFile, app: &App) {
    if let Some((key, len)) = &app.key {
        file.remember(key, app.position(), *len);
        // Not worth failing over: the article was read; say why it is not kept.
        if let Err(e) = file.save() {
            eprintln!("factlens: could not save the reading position: {e}");
        }
    }
}

/// Several paths, or one directory, make a library: the files in it
/// (not hidden, not recursive), sorted by name.
fn library_paths(args: &[PathBuf]) -> anyhow::Result<Option<Vec<PathBuf>>> {
    match args {
        [dir] if dir.is_dir() => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), describe_io(&e)))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            anyhow::ensure!(
                !files.is_empty(),
                "{}: no files in this directory",
                dir.display()
            );
            Ok(Some(files))
        }
        [_, _, ..] => Ok(Some(args.to_vec())),
        _ => Ok(None),
    }
}

/// The library: a list of articles, read in the background; opening one
/// reads it on the spot (articles are small next to the 4 MB the reader
/// handles progressively).
fn run_library(cli: Cli, settings: Settings, paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let look = Look::new(&cli, &settings);
    let measure = cli
        .width
        .map(usize::from)
        .or(settings.measure)
        .unwrap_or(DEFAULT_MEASURE);
    let mut memory = factlens::state::default_path().map(|p| StateFile::load(&p));
    let warning = memory.as_ref().and_then(|file| file.warning.clone());
    let keymap = settings.keymap.clone();
    let app = terminal::run(
        after_first_frame(&cli),
        move |width, height| {
            let doc = load_plain("Library\n\nChoose an article.\n");
            let mut app = App::new(doc, Default::default(), keymap, measure, width, height);
            look.apply(&mut app);
            app.library = Some(factlens::app::Library::new(paths.clone()));
            app.view = factlens::app::View::Library;
            if warning.is_some() {
                app.notice = warning;
            }
            let start: Background = Box::new(move || factlens::app::summarize_in_background(paths));
            (app, Some(start))
        },
        memory.as_mut(),
    )?;
    if let (Some(app), Some(file)) = (app, memory.as_mut()) {
        remember(file, &app);
    }
    Ok(())
}

/// Opens a library article for the reader: the position in the article
/// being left is saved, the new one read and restored.
pub(crate) fn open_article(
    app: &mut App,
    memory: Option<&mut StateFile>,
    entry: usize,
    path: &std::path::Path,
    at: Option<Vec<String>>,
) {
    match factlens::document::load_path(path) {
        Ok(doc) => {
            let key = factlens::state::key_for(&path.to_string_lossy())
                .zip(std::fs::metadata(path).ok().map(|m| m.len() as usize));
            let mut restore = None;
            if let Some(file) = memory {
                remember(file, app);
                restore = key.as_ref().and_then(|(k, len)| file.position(k, *len));
            }
            let facts = extract(&doc);
            let jump = at.is_some();
            app.update(Action::Opened {
                entry,
                doc,
                facts,
                at,
            });
            app.key = key;
            if let (Some(offset), false) = (restore, jump) {
                app.restore_position(offset);
            }
        }
        Err(why) => app.notice = Some(format!("{}: {why}", path.display())),
    }
}

/// Like bat, print the formatted article when output is not a terminal.
fn print_plain(doc: &Document, measure: usize) -> anyhow::Result<()> {
    let l = layout(doc, measure);
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in &l.lines {
        let text = &doc.text[line.range.clone()];
        let kind = line.block.map(|b| doc.blocks[b].kind);
        let indent = kind.map_or(0, factlens::layout::indent);
        if !text.is_empty() {
            write!(out, "{:indent$}", "")?;
        }
        if kind.is_some_and(factlens::layout::verbatim) {
            out.write_all(text.as_bytes())?;
        } else {
            let mut first = true;
            for word in text.split_whitespace() {
                if !first {
                    out.write_all(b" ")?;
                }
                out.write_all(word.as_bytes())?;
                first = false;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Clone, Copy)]
pub(crate) enum AfterFirstFrame {
    Continue,
    Exit,
    Panic,
}

/// Starts background work and returns where its results arrive.
pub(crate) type Background = Box<dyn FnOnce() -> Receiver<Action>>;

/// How long to wait for input while background work may report.
const TICK_MS: u64 = 50;

/// The interactive loop: blocks on input, redraws after each event. While
/// background loading runs it polls, so results show as soon as they come.
pub(crate) fn event_loop(
    term: &mut terminal::Tui,
    mut app: App,
    start_background: Option<Background>,
    after_first_frame: AfterFirstFrame,
    mut memory: Option<&mut StateFile>,
) -> anyhow::Result<Option<App>> {
    use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
    term.draw(|f| factlens::ui::draw(f, &app))?;
    match after_first_frame {
        AfterFirstFrame::Continue => {}
        AfterFirstFrame::Exit => return Ok(None),
        AfterFirstFrame::Panic => panic!("debug panic requested"),
    }
    let mut background = start_background.map(|start| start());
    let catch_up = |term: &mut terminal::Tui, app: &mut App| -> io::Result<()> {
        let (width, height) = term.size()?;
        if (width, height) != (app.screen.width, app.screen.height) {
            app.update(Action::Resize { width, height });
            term.draw(|f| factlens::ui::draw(f, app))?;
        }
        Ok(())
    };
    catch_up(term, &mut app)?;
    while !app.should_quit {
        if let Some(rx) = &background {
            let mut changed = false;
            loop {
                match rx.try_recv() {
                    Ok(action) => {
                        app.update(action);
                        changed = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        background = None;
                        break;
                    }
                }
            }
            if changed {
                term.draw(|f| factlens::ui::draw(f, &app))?;
            }
            if background.is_some() && !event::poll(Duration::from_millis(TICK_MS))? {
                continue;
            }
        }
        let action = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => terminal::key(k).map(Action::Key),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    x: m.column,
                    y: m.row,
                    delta: 1,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    x: m.column,
                    y: m.row,
                    delta: -1,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    x: m.column,
                    y: m.row,
                }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        let Some(action) = action else { continue };
        // Keys act on the whole text: if it is still loading (tens of
        // milliseconds at most), wait for it rather than act on the prefix.
        if app.loading
            && let Some(rx) = &background
            && let Ok(loaded) = rx.recv()
        {
            app.update(loaded);
        }
        match app.update(action) {
            Some(Effect::OpenArticle { entry, path, at }) => {
                open_article(&mut app, memory.as_deref_mut(), entry, &path, at);
            }
            Some(effect) => {
                if let Some(message) = term.perform(effect)? {
                    app.notice = Some(message);
                }
            }
            None => {}
        }
        term.draw(|f| factlens::ui::draw(f, &app))?;
        catch_up(term, &mut app)?;
    }
    Ok(Some(app))
}
