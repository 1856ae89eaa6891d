//! Wires the command line, the terminal and the event loop. All behaviour
//! lives in the library; this file only connects it to the outside world.

mod terminal;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use factlens::app::{Action, App, DEFAULT_MEASURE};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use factlens::document::{Document, load_plain, load_vec};
use factlens::extract::extract;
use factlens::keymap::Keymap;
use factlens::layout::layout;
use factlens::progressive::{self, Opening};

/// The article shown when no file is given.
const SEED: &str = include_str!("../assets/seed.txt");

/// A terminal reader for articles, with a sidebar of the facts they are made of.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "Examples:\n  factlens                 open the built-in sample article\n  factlens article.txt     read a file\n  cat article.txt | factlens -\n  factlens --json article.txt   print entities and figures as JSON\n\nExit status: 0 ok, 1 the input could not be read, 2 bad usage."
)]
struct Cli {
    /// The article to read (plain text); `-` reads standard input. Without
    /// it, the built-in sample article opens.
    file: Option<PathBuf>,
    /// Print the extracted facts as JSON instead of opening the reader.
    #[arg(long)]
    json: bool,
    /// Maximum width of the text column, in columns.
    #[arg(short, long, value_name = "N", default_value_t = DEFAULT_MEASURE as u16, value_parser = clap::value_parser!(u16).range(10..))]
    width: u16,
    /// Draw the first screen, then exit (for start-up benchmarks).
    #[arg(long, hide = true)]
    exit_after_first_frame: bool,
    /// Panic after the first frame (to test that the terminal is restored).
    #[arg(long, hide = true)]
    debug_panic: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`factlens a.txt | head`) is not an error.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("factlens: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The input's bytes and a name for messages; `None` for the built-in article.
fn read_input(file: &Option<PathBuf>) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    Ok(Some(match file {
        None if !io::stdin().is_terminal() => ("standard input".to_string(), read_stdin()?),
        None => return Ok(None),
        Some(p) if p.as_os_str() == "-" => ("standard input".to_string(), read_stdin()?),
        Some(p) => {
            let name = p.display().to_string();
            if p.is_dir() {
                anyhow::bail!("{name}: is a directory, not an article file");
            }
            let bytes =
                std::fs::read(p).map_err(|e| anyhow::anyhow!("{name}: {}", describe_io(&e)))?;
            (name, bytes)
        }
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

fn run(cli: Cli) -> anyhow::Result<()> {
    let input = read_input(&cli.file)?;
    let measure = usize::from(cli.width);
    let load = |input: Option<(String, Vec<u8>)>| -> anyhow::Result<Document> {
        match input {
            None => Ok(load_plain(SEED)),
            Some((name, bytes)) => load_vec(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}")),
        }
    };
    if cli.json {
        let doc = load(input)?;
        let facts = extract(&doc);
        let mut out = io::stdout().lock();
        serde_json::to_writer(&mut out, &factlens::json::to_json(&doc, &facts))?;
        writeln!(out)?;
        return Ok(());
    }
    if !io::stdout().is_terminal() {
        return print_plain(&load(input)?, measure);
    }
    // Everything that can fail on the input fails here, before the
    // terminal is touched.
    let name = input.as_ref().map(|(name, _)| {
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
        Some((name, bytes)) => {
            progressive::open(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?
        }
    };
    let keymap = Keymap::default_keys();
    let after_first_frame = match (cli.exit_after_first_frame, cli.debug_panic) {
        (_, true) => AfterFirstFrame::Panic,
        (true, _) => AfterFirstFrame::Exit,
        _ => AfterFirstFrame::Continue,
    };
    // https://no-color.org: any non-empty value turns colour off.
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    terminal::run(after_first_frame, move |width, height| {
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
        app.color = color;
        app.name = name;
        (app, background)
    })
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
) -> anyhow::Result<()> {
    use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
    term.draw(|f| factlens::ui::draw(f, &app))?;
    match after_first_frame {
        AfterFirstFrame::Continue => {}
        AfterFirstFrame::Exit => return Ok(()),
        AfterFirstFrame::Panic => panic!("debug panic requested"),
    }
    let mut background = start_background.map(|start| start());
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
        if let Some(effect) = app.update(action) {
            term.perform(effect)?;
        }
        term.draw(|f| factlens::ui::draw(f, &app))?;
    }
    Ok(())
}
