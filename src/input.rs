//! Where an article comes from: a file, standard input or a URL, read once
//! by [`Input::open`] for every mode (the reader, `--json`, the library).
//! Errors are typed; the caller adds the input's name with `.context()`.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use crate::document::{Document, Format, LoadError, load_as, load_vec};
use crate::fetch::{FetchError, FetchOptions, fetch};

/// Files at least this big are mapped instead of read.
pub const MAP_MIN_BYTES: usize = 256 * 1024;

/// Why an input could not be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("is a directory, not an article file")]
    IsADirectory,
    #[error("no files in this directory")]
    EmptyDirectory,
    #[error(transparent)]
    Io(io::Error),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> InputError {
        match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            io::ErrorKind::PermissionDenied => InputError::PermissionDenied,
            io::ErrorKind::IsADirectory => InputError::IsADirectory,
            _ => InputError::Io(e),
        }
    }
}

/// The bytes of an input: read into memory, or a read-only map of a big
/// file. A map saves copying megabytes before the first screen; it is only
/// read before the terminal is set up (a file truncated under a live map
/// raises SIGBUS, which must not happen with the terminal in raw mode), and
/// the background loader reads the file again instead of using it.
pub enum Bytes {
    Owned(Vec<u8>),
    Mapped { map: memmap2::Mmap, path: PathBuf },
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped { map, .. } => map,
        }
    }
}

impl Bytes {
    /// Maps `path` when it is a big regular file, else reads it.
    pub fn read(path: &Path) -> io::Result<Bytes> {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(io::ErrorKind::IsADirectory.into());
        }
        if meta.is_file() && meta.len() >= MAP_MIN_BYTES as u64 {
            // SAFETY: the map is read-only and only read before the terminal
            // is touched (see the type's doc); a concurrent truncation can
            // at worst end the process there, with the terminal untouched.
            if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
                return Ok(Bytes::Mapped {
                    map,
                    path: path.to_path_buf(),
                });
            }
        }
        let mut bytes = Vec::new();
        (&file).read_to_end(&mut bytes)?;
        Ok(Bytes::Owned(bytes))
    }

    pub fn into_vec(self) -> Vec<u8> {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped { map, .. } => map.to_vec(),
        }
    }
}

/// An input read: its bytes, a name for messages, the loader to use and,
/// for a web page, its address (to resolve relative links).
pub struct Input {
    pub name: String,
    pub bytes: Bytes,
    pub format: Format,
    pub url: Option<String>,
}

/// Where to read from, as the command line names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    Url(String),
    File(PathBuf),
}

impl Source {
    /// `-` is standard input, an http(s) address a URL, anything else a file.
    pub fn from_arg(arg: &Path) -> Source {
        match arg.to_str() {
            Some("-") => Source::Stdin,
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                Source::Url(s.to_string())
            }
            _ => Source::File(arg.to_path_buf()),
        }
    }

    /// What messages call this input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".into(),
            Source::Url(u) => u.clone(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// The source the reader opens when given `arg`: `None` means the built-in
/// article (no argument, and standard input is a terminal).
pub fn source_for(arg: Option<&Path>) -> Option<Source> {
    match arg {
        Some(p) => Some(Source::from_arg(p)),
        None if !io::stdin().is_terminal() => Some(Source::Stdin),
        None => None,
    }
}

impl Input {
    /// Reads `source`. The loader is `format` if given, else what a URL's
    /// Content-Type or a file's extension says, else a guess from the content.
    pub fn open(source: &Source, format: Option<Format>) -> Result<Input, InputError> {
        let (bytes, known, url) = match source {
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().read_to_end(&mut bytes)?;
                (Bytes::Owned(bytes), None, None)
            }
            Source::Url(url) => {
                let page = fetch(url, &FetchOptions::default())?;
                let known = page.format();
                (Bytes::Owned(page.body), known, Some(page.final_url))
            }
            Source::File(p) => (Bytes::read(p)?, Format::from_path(p), None),
        };
        let format = format.or(known).unwrap_or_else(|| sniff(&bytes));
        Ok(Input {
            name: source.name(),
            bytes,
            format,
            url,
        })
    }

    /// The whole document (see `progressive` for opening big texts in steps).
    pub fn load(self) -> Result<Document, LoadError> {
        match self.format {
            Format::Plain => load_vec(self.bytes.into_vec()),
            format => load_as(&self.bytes, format, self.url.as_deref()),
        }
    }

    /// The file name alone, for a title bar when the document has no title.
    pub fn short_name(&self) -> String {
        Path::new(&self.name)
            .file_name()
            .map_or(self.name.clone(), |f| f.to_string_lossy().into_owned())
    }
}

/// The format the first 64 KB look like.
fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    Format::sniff(
        std::str::from_utf8(head)
            .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")),
    )
}

/// Reads a file of a library as a whole document.
pub fn load_file(path: &Path) -> Result<(Document, usize), InputError> {
    let input = Input::open(&Source::File(path.to_path_buf()), None)?;
    let len = input.bytes.len();
    Ok((input.load()?, len))
}

/// Several paths, or one directory, make a library: the files in it (not
/// hidden, not recursive), sorted by name. `None` for a single article.
pub fn library_paths(args: &[PathBuf]) -> Result<Option<Vec<PathBuf>>, InputError> {
    match args {
        [dir] if dir.is_dir() => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(InputError::EmptyDirectory);
            }
            Ok(Some(files))
        }
        [_, _, ..] => Ok(Some(args.to_vec())),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_told_apart() {
        assert_eq!(Source::from_arg(Path::new("-")), Source::Stdin);
        assert_eq!(
            Source::from_arg(Path::new("https://x.org/a")),
            Source::Url("https://x.org/a".into())
        );
        assert_eq!(
            Source::from_arg(Path::new("a.txt")),
            Source::File("a.txt".into())
        );
    }

    #[test]
    fn file_errors_say_what_is_wrong_once() {
        let missing = Input::open(&Source::File("/no/such/file.txt".into()), None);
        assert_eq!(missing.err().unwrap().to_string(), "no such file");
        let dir = Input::open(&Source::File(std::env::temp_dir()), None);
        assert_eq!(
            dir.err().unwrap().to_string(),
            "is a directory, not an article file"
        );
    }

    #[test]
    fn a_library_file_loads_with_its_length() {
        let dir = std::env::temp_dir().join(format!("factlens-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.md");
        std::fs::write(&path, "# Title\n\nText by Ann Lee.\n").unwrap();
        let (doc, len) = load_file(&path).unwrap();
        assert_eq!((doc.title(), len), (Some("Title"), 26));
        assert!(matches!(
            library_paths(std::slice::from_ref(&dir)),
            Ok(Some(files)) if files == [path.clone()]
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
