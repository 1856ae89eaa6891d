//! Parses the command line and picks the mode; everything else lives in
//! the library (`runner` for the terminal, `output` for printing).

use std::io::{self, BufWriter, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use factlens::cli::Cli;
use factlens::document::{Document, load_plain};
use factlens::input::{Input, library_paths, source_for};
use factlens::runner::{self, Ended, Start};

/// mimalloc: reader mode allocates many small nodes per page (malloc, free
/// and copies were about an eighth of a page's profile); the median page
/// went from about 21 to 17 ms.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        Ok(Ended::Quit) => ExitCode::SUCCESS,
        // As a shell reports a death by signal; the terminal is restored.
        Ok(Ended::Signal(sig)) => ExitCode::from((128 + sig) as u8),
        // A closed pipe (`factlens a.txt | head`) is not an error.
        Err(e) if factlens::cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // File names and URLs come from strangers too: no control
            // character of theirs reaches the terminal through stderr.
            let (message, _) = factlens::document::sanitize(&format!("{e:#}"));
            eprintln!("factlens: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Ended> {
    let settings = factlens::cli::settings(&cli)?;
    if cli.check_config {
        println!("{}", factlens::cli::config_status(&cli));
        return Ok(Ended::Quit);
    }
    let max_input = factlens::cli::max_input(&cli, &settings);
    let options = factlens::cli::options(&cli, settings);
    let after = cli.after_first_frame();
    let first = cli.files.first();
    let paths = library_paths(&cli.files).with_context(|| name_of(first))?;
    if let Some(paths) = paths {
        let what = match cli.files.as_slice() {
            [dir] => format!("{}: is a directory", dir.display()),
            _ => format!("{} files", cli.files.len()),
        };
        anyhow::ensure!(!cli.json, "{what}: --json reads one article; give one file");
        anyhow::ensure!(
            io::stdout().is_terminal(),
            "{what}: a library needs a terminal; give one file to print it"
        );
        return runner::run(Start::Library { paths, max_input }, options, after);
    }
    let input = match source_for(first.map(PathBuf::as_path)) {
        Some(source) => {
            Some(Input::open(&source, cli.format, max_input).with_context(|| source.name())?)
        }
        None => None,
    };
    let load = |input: Option<Input>| -> anyhow::Result<Document> {
        match input {
            None => Ok(load_plain(SEED)),
            Some(i) => {
                let name = i.name.clone();
                i.load().with_context(|| name)
            }
        }
    };
    let stdout = || BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if let Some(name) = &cli.explain {
        factlens::explain::write(&mut stdout(), &load(input)?, name)?;
        return Ok(Ended::Quit);
    }
    if cli.json {
        // Offsets index the input as given (but for HTML): keep it to print.
        let source = input
            .as_ref()
            .filter(|_| cli.with_text)
            .map(|i| String::from_utf8_lossy(&i.bytes).into_owned());
        let doc = load(input)?;
        factlens::output::json(&mut stdout(), &doc, cli.with_text, source.as_deref())?;
        return Ok(Ended::Quit);
    }
    if !io::stdout().is_terminal() {
        factlens::output::plain(&mut stdout(), &load(input)?, options.measure)?;
        return Ok(Ended::Quit);
    }
    // Everything that can fail on the input fails here, before the
    // terminal is touched.
    let start = match input {
        None => {
            let doc = load_plain(SEED);
            let facts = factlens::extract::extract(&doc);
            let opening = factlens::progressive::Opening::Ready(doc, facts);
            Start::Reader {
                opening,
                name: None,
                key: None,
            }
        }
        Some(i) => {
            let key = factlens::state::key_for(&i.name).map(|k| (k, i.bytes.len()));
            let name = Some(i.short_name());
            let opening = factlens::progressive::open(i.bytes, i.format, i.url.as_deref())
                .with_context(|| i.name)?;
            Start::Reader { opening, name, key }
        }
    };
    runner::run(start, options, after)
}

/// What an error about the first argument calls it.
fn name_of(arg: Option<&PathBuf>) -> String {
    arg.map_or_else(|| "standard input".into(), |p| p.display().to_string())
}
