//! The command line, defined once: `main` parses it, and the shell
//! completions and the man page are generated from it.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, ValueEnum};

use crate::app::{DEFAULT_MEASURE, Options};
use crate::config::{self, Config, ConfigError, Settings};
use crate::runner::AfterFirstFrame;

pub const AFTER_HELP: &str = "\
Examples:
  factlens                        open the built-in sample article
  factlens article.txt            read a file
  cat article.txt | factlens      read standard input (also: factlens -)
  factlens article.txt | less     not a terminal: print the formatted text
  factlens --json article.txt     print entities and figures as JSON
  factlens --explain Putin a.txt  why the name Putin got its kind
  factlens --completions bash > /etc/bash_completion.d/factlens

Configuration: ~/.config/factlens/config.toml (or --config PATH); see
assets/config.example.toml. NO_COLOR=1 turns colours off.

Exit status: 0 ok; 1 the input or the config could not be read; 2 bad
usage; 101 internal error; 128+N ended by signal N (terminal restored).";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour unless NO_COLOR is set or TERM is "dumb".
    Auto,
    Always,
    Never,
}

/// A terminal reader for articles, with a sidebar of the facts they are
/// made of: people, organizations, places and figures.
#[derive(Parser, Debug)]
#[command(name = "factlens", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// The article to read: a plain-text, Markdown or HTML file, an http(s)
    /// URL, or `-` for standard input. Without it, the built-in sample
    /// article opens (or standard input, if piped). Several files, or a
    /// directory, open as a library.
    pub files: Vec<PathBuf>,
    /// Print the extracted facts as JSON instead of opening the reader.
    #[arg(long)]
    pub json: bool,
    /// Print why the recognizer decided what it did about NAME in the
    /// article: the kind chosen, the score of each kind and the features
    /// that weighed most, for each candidate spelled NAME (or belonging to
    /// the entity so named).
    #[arg(long, value_name = "NAME", conflicts_with = "json")]
    pub explain: Option<String>,
    /// With --json, include the document text the offsets refer to.
    #[arg(long, requires = "json")]
    pub with_text: bool,
    /// Read the input as this format instead of guessing from the file
    /// extension, Content-Type or content: plain, markdown or html.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<crate::document::Format>,
    /// Maximum width of the text column, in columns [default: 80, or the config's].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(10..))]
    pub width: Option<u16>,
    /// Refuse an input larger than this many megabytes [default: 256, or the config's].
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=65536))]
    pub max_input: Option<u64>,
    /// When to use colours.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,
    /// Read the configuration from this file instead of the default place.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Check the configuration file and exit (0 when valid).
    #[arg(long)]
    pub check_config: bool,
    /// Print shell completions (bash, zsh, fish, elvish, powershell) and exit.
    #[arg(long, value_name = "SHELL")]
    pub completions: Option<clap_complete::Shell>,
    /// Print the man page (roff) and exit.
    #[arg(long)]
    pub man: bool,
    /// Draw the first screen, then exit (for start-up benchmarks).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    /// Panic after the first frame (to test that the terminal is restored).
    #[arg(long, hide = true)]
    pub debug_panic: bool,
}

impl Cli {
    pub fn after_first_frame(&self) -> AfterFirstFrame {
        match (self.exit_after_first_frame, self.debug_panic) {
            (_, true) => AfterFirstFrame::Panic,
            (true, _) => AfterFirstFrame::Exit,
            _ => AfterFirstFrame::Continue,
        }
    }
}

/// Reads and validates the configuration (the default file may be absent).
pub fn settings(cli: &Cli) -> Result<Settings, ConfigError> {
    let (path, explicit) = match (&cli.config, config::default_path()) {
        (Some(p), _) => (p.clone(), true),
        (None, Some(p)) => (p, false),
        (None, None) => return Config::default().settings("(none)"),
    };
    Config::load(&path, explicit)?.settings(&path.display().to_string())
}

/// The most bytes an input may have: the command line over the config.
pub fn max_input(cli: &Cli, settings: &Settings) -> u64 {
    cli.max_input
        .or(settings.max_input_mb)
        .map_or(crate::input::DEFAULT_MAX_INPUT, |mb| mb << 20)
}

/// What `--check-config` says about a valid configuration.
pub fn config_status(cli: &Cli) -> String {
    match (&cli.config, config::default_path()) {
        (Some(p), _) => format!("{}: ok", p.display()),
        (None, Some(p)) if p.exists() => format!("{}: ok", p.display()),
        (None, Some(p)) => format!("{}: no config file (defaults apply)", p.display()),
        (None, None) => "no config directory on this system (defaults apply)".into(),
    }
}

/// The reader's look and preferences: the command line over the config,
/// the environment for colours.
pub fn options(cli: &Cli, settings: Settings) -> Options {
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
    Options {
        keymap: settings.keymap,
        measure: cli
            .width
            .map(usize::from)
            .or(settings.measure)
            .unwrap_or(DEFAULT_MEASURE),
        palette: settings.palette.for_terminal(truecolor),
        color,
        sort: settings.sort,
        sidebar_shown: settings.sidebar_shown,
        sidebar_left: settings.sidebar_left,
        sidebar_cols: settings.sidebar_cols,
    }
}

/// Did writing fail only because the reader of a pipe went away?
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    clap_complete::generate(shell, &mut Cli::command(), "factlens", out);
}

pub fn man_page(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn completions_and_man_page_are_generated_from_it() {
        let mut out = Vec::new();
        completions(clap_complete::Shell::Bash, &mut out);
        let bash = String::from_utf8(out).unwrap();
        assert!(bash.contains("--check-config") && bash.contains("--json"));
        let mut out = Vec::new();
        man_page(&mut out).unwrap();
        let man = String::from_utf8(out).unwrap();
        assert!(
            man.contains(".TH factlens") && man.contains("\\-\\-color"),
            "{man}"
        );
    }
}
